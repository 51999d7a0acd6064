using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Transactions;

/// <summary>
/// A sample the station sends twice within one transaction (same timestamp, measurand, phase, location
/// and context) is one sample: stored once, listed once, counted once.
/// </summary>
public sealed class RepeatedSampleTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>2.0.1 J02: TxEnded measurands are sampled from the start, so the Ended event may repeat the Transaction.Begin sample.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_Begin_sample_repeated_in_the_Ended_event_is_one_sample(string provider)
    {
        var server = On(provider);
        var id = "repeat-201-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        const string begin = """{"timestamp":"2026-12-01T10:00:00Z","sampledValue":[{"value":1000,"context":"Transaction.Begin","unitOfMeasure":{"unit":"Wh"}}]}""";
        const string end = """{"timestamp":"2026-12-01T10:10:00Z","sampledValue":[{"value":3000,"context":"Transaction.End","unitOfMeasure":{"unit":"Wh"}}]}""";

        await station.CallAsync("TransactionEvent", Event("Started", 0, "10:00", begin));
        await station.CallAsync("TransactionEvent", Event("Updated", 1, "10:05", """{"timestamp":"2026-12-01T10:05:00Z","sampledValue":[{"value":2000,"unitOfMeasure":{"unit":"Wh"}}]}"""));
        await station.CallAsync("TransactionEvent", Event("Ended", 2, "10:10", begin + "," + end));

        var tx = await SingleTransactionAsync(server, id);
        Assert.Equal(["10:00", "10:05", "10:10"], Times(tx));
        Assert.Equal(3, tx.GetProperty("meterValues").EnumerateArray().Sum(m => m.GetProperty("sampledValue").GetArrayLength()));
        Assert.Equal((1000m, 3000m, 2000m), (tx.GetProperty("meterStartWh").GetDecimal(), tx.GetProperty("meterStopWh").GetDecimal(), tx.GetProperty("energyWh").GetDecimal()));
        await using var db = server.CreateDbContext();
        Assert.Equal(3, await db.MeterValues.CountAsync(m => m.StationId == id, Ct));
    }

    /// <summary>OCPP-J 1.6 §4.1: a station that got no answer sends the message again under a new message id.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_retried_1_6_MeterValues_is_stored_once_and_its_energy_counted_once(string provider)
    {
        var server = On(provider);
        var id = "repeat-16-" + provider;
        await server.IdTagAsync("REPEAT-16");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        var start = await station.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"REPEAT-16","meterStart":1000,"timestamp":"2026-12-01T10:00:00Z"}""");
        var transactionId = start.GetProperty("transactionId").GetInt32();
        var meterValues = $$"""{"connectorId":1,"transactionId":{{transactionId}},"meterValue":[{"timestamp":"2026-12-01T10:05:00Z","sampledValue":[{"value":"1500","unit":"Wh"},{"value":"7.2","measurand":"Power.Active.Import","unit":"kW"},{"value":"16","measurand":"Current.Import","phase":"L1","unit":"A"}]}]}""";

        await station.CallAsync("MeterValues", meterValues);
        await station.CallAsync("MeterValues", meterValues); // the same message again, under a new message id
        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{transactionId}},"meterStop":2500,"timestamp":"2026-12-01T10:10:00Z","reason":"Local"}""");

        var tx = await SingleTransactionAsync(server, id);
        var sample = Assert.Single(tx.GetProperty("meterValues").EnumerateArray());
        Assert.Equal(3, sample.GetProperty("sampledValue").GetArrayLength());
        Assert.Equal(1500m, tx.GetProperty("energyWh").GetDecimal());
        await using var db = server.CreateDbContext();
        Assert.Equal(3, await db.MeterValues.CountAsync(m => m.StationId == id, Ct));
    }

    private static async Task<JsonElement> SingleTransactionAsync(IskraServer server, string stationId)
    {
        var list = await (await server.Api().GetAsync(new Uri($"/api/transactions?stationId={stationId}", UriKind.Relative), Ct)).JsonAsync(200);
        var id = Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64();
        return await (await server.Api().GetAsync(new Uri($"/api/transactions/{id}", UriKind.Relative), Ct)).JsonAsync(200);
    }

    private static string[] Times(JsonElement tx) =>
        [.. tx.GetProperty("meterValues").EnumerateArray().Select(m => m.GetProperty("timestamp").GetDateTimeOffset().ToUniversalTime().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))];

    private static string Event(string type, int seqNo, string time, string meterValues) =>
        $$$"""{"eventType":"{{{type}}}","timestamp":"2026-12-01T{{{time}}}:00Z","triggerReason":"MeterValuePeriodic","seqNo":{{{seqNo}}},"transactionInfo":{"transactionId":"REPEAT-1"},"evse":{"id":1,"connectorId":1},"meterValue":[{{{meterValues}}}]}""";
}
