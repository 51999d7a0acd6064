using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Billing;

/// <summary>
/// OCPP 2.0.1 block I at a raw station: the driver's tariff in the answer to Authorize (I01), the final cost in
/// the answer to TransactionEvent Ended and never before (I03, and the schema: "SHALL only be sent when charging
/// has ended"), every answer valid against the official schemas.
/// </summary>
public sealed class TariffAndCostTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task An_accepted_card_is_told_its_tariff_and_the_end_of_its_session_its_total_cost()
    {
        var id = "bill-i-201";
        await SessionPricingTests.TariffAsync(Server, id, """
            "currency":"EUR","vatPercent":19,"elements":[{"priceComponents":[{"type":"ENERGY","price":0.30},{"type":"FLAT","price":1.00}]}]
            """);
        await Server.IdTagAsync("I-CARD");
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V201);

        var authorized = await station.CallAsync("Authorize", """{"idToken":{"idToken":"I-CARD","type":"ISO14443"}}""");
        var stranger = await station.CallAsync("Authorize", """{"idToken":{"idToken":"I-NOBODY","type":"ISO14443"}}""");
        var started = await station.CallAsync("TransactionEvent", Event("Started", 0, "2026-12-03T09:00:00Z", 1000, idToken: true));
        var updated = await station.CallAsync("TransactionEvent", Event("Updated", 1, "2026-12-03T09:30:00Z", 6000));
        var ended = await station.CallAsync("TransactionEvent", Event("Ended", 2, "2026-12-03T10:00:00Z", 11000));
        var retried = await station.CallAsync("TransactionEvent", Event("Ended", 2, "2026-12-03T10:00:00Z", 11000));

        // 0.30 × 1.19 = 0.357 → 0.36 per kWh and 1.00 × 1.19 = 1.19 per session, as the driver pays them.
        var message = authorized.GetProperty("idTokenInfo").GetProperty("personalMessage");
        Assert.Equal(("UTF8", "0.36 EUR/kWh, session fee 1.19 EUR; incl. 19% VAT"), (message.GetProperty("format").GetString(), message.GetProperty("content").GetString()));
        Assert.False(stranger.GetProperty("idTokenInfo").TryGetProperty("personalMessage", out _)); // an unknown card is told nothing
        Assert.False(started.TryGetProperty("totalCost", out _));
        Assert.False(updated.TryGetProperty("totalCost", out _));
        // 10 kWh × 0.30 = 3.00, + 1.00 = 4.00 excl. VAT; VAT 0.76; 4.76.
        Assert.Equal(4.76m, ended.GetProperty("totalCost").GetDecimal());
        Assert.Equal(4.76m, retried.GetProperty("totalCost").GetDecimal()); // a retry gets the same answer
        foreach (var (action, answer) in new[] { ("Authorize", authorized), ("Authorize", stranger), ("TransactionEvent", started), ("TransactionEvent", updated), ("TransactionEvent", ended) })
        {
            await SchemaOracle.AssertValidAsync(OcppVersion.V201, action, true, answer);
        }
    }

    [Fact]
    public async Task A_session_without_a_tariff_is_not_given_a_cost_at_its_end()
    {
        var id = "bill-i-none";
        await Server.IdTagAsync("I-FREE");
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V201);

        var authorized = await station.CallAsync("Authorize", """{"idToken":{"idToken":"I-FREE","type":"ISO14443"}}""");
        await station.CallAsync("TransactionEvent", Event("Started", 0, "2026-12-03T09:00:00Z", 1000, idToken: true, card: "I-FREE"));
        var ended = await station.CallAsync("TransactionEvent", Event("Ended", 1, "2026-12-03T10:00:00Z", 11000));

        Assert.False(authorized.GetProperty("idTokenInfo").TryGetProperty("personalMessage", out _));
        Assert.False(ended.TryGetProperty("totalCost", out _)); // omitted: not free, just not priced by Iskra
    }

    private static string Event(string type, int seqNo, string at, int wh, bool idToken = false, string card = "I-CARD") =>
        $$"""
        {"eventType":"{{type}}","timestamp":"{{at}}","triggerReason":"{{(type == "Ended" ? "EVCommunicationLost" : "MeterValuePeriodic")}}","seqNo":{{seqNo}},
         "transactionInfo":{"transactionId":"TX-I-{{card}}"{{(type == "Ended" ? ",\"stoppedReason\":\"EVDisconnected\"" : "")}}},
         "evse":{"id":1,"connectorId":1}{{(idToken ? $",\"idToken\":{{\"idToken\":\"{card}\",\"type\":\"ISO14443\"}}" : "")}},
         "meterValue":[{"timestamp":"{{at}}","sampledValue":[{"value":{{wh}},"context":"{{(type == "Started" ? "Transaction.Begin" : type == "Ended" ? "Transaction.End" : "Sample.Periodic")}}"}]}]}
        """;
}
