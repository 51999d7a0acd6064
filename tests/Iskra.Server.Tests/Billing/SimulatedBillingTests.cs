using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Events;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Billing;

/// <summary>
/// End to end with simulated stations of both versions: the running cost in the events stream (and at a 2.0.1
/// station, CostUpdated), the final cost in the stop event and at the 2.0.1 station (totalCost of the answer to
/// Ended), the charge detail record and its CSV and OCPI exports, and the card's history.
/// </summary>
public sealed class SimulatedBillingTests(BillingServer fixture) : IClassFixture<BillingServer>
{
    private IskraServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_session_is_priced_while_it_runs_and_billed_when_it_ends(OcppVersion version)
    {
        var id = "bsim-" + (version == OcppVersion.V16 ? "16" : "201");
        var card = "BC-" + id;
        await SessionPricingTests.TariffAsync(Server, id, """
            "currency":"EUR","vatPercent":19,"elements":[{"priceComponents":[{"type":"ENERGY","price":0.30},{"type":"FLAT","price":1.00}]}]
            """);
        await Server.IdTagAsync(card);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        await using var events = await SseClient.OpenAsync(Server, id);
        var localId = await station.StartSessionAsync(1, card);

        var running = await NextAsync(events, e => e.Type == "transaction.cost");
        Assert.False(running.Data.GetProperty("cost").GetProperty("final").GetBoolean());
        Assert.True(running.Data.GetProperty("cost").GetProperty("amount").GetDecimal() >= 1.19m, running.Data.ToString()); // the flat fee at least
        if (version == OcppVersion.V201)
        {
            await station.WaitUntilAsync(s => s.Log.Entries.Any(e => e.Text.StartsWith("Cost of transaction " + localId, StringComparison.Ordinal)), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }

        await station.UnplugAsync(1);
        await station.SettleAsync();
        // The record is issued as the stop is taken; the stop event then carries the final cost.
        var issued = await NextAsync(events, e => e.Type == "cdr.issued");
        var stopped = await NextAsync(events, e => e.Type == "transaction.stopped", issued);

        using var api = Server.Api();
        var tx = Assert.Single((await (await api.GetAsync($"/api/transactions?idTag={card}", TestContext.Current.CancellationToken)).JsonAsync(200)).GetProperty("items").EnumerateArray());
        var cost = tx.GetProperty("cost");
        var energyWh = tx.GetProperty("energyWh").GetDecimal();
        Assert.True(energyWh > 0, tx.ToString());
        // ENERGY: kWh × 0.30 to 4 decimals, FLAT 1.00; total to cents; VAT 19 % to cents.
        var exclVat = Math.Round(Math.Round(energyWh / 1000m * 0.30m, 4, MidpointRounding.AwayFromZero) + 1.00m, 2, MidpointRounding.AwayFromZero);
        var amount = exclVat + Math.Round(exclVat * 0.19m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal((amount, true, energyWh), (cost.GetProperty("amount").GetDecimal(), cost.GetProperty("final").GetBoolean(), cost.GetProperty("billedEnergyWh").GetDecimal()));
        Assert.Empty(cost.GetProperty("flags").EnumerateArray());
        Assert.Equal(amount, stopped.Data.GetProperty("cost").GetProperty("amount").GetDecimal());
        Assert.True(stopped.Data.GetProperty("cost").GetProperty("final").GetBoolean());
        Assert.Equal(amount, issued.Data.GetProperty("amount").GetDecimal());

        var cdrId = issued.Data.GetProperty("id").GetInt64();
        var cdr = await (await api.GetAsync($"/api/cdrs/{cdrId}", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal((tx.GetProperty("id").GetInt64(), card, amount), (cdr.GetProperty("transaction").GetInt64(), cdr.GetProperty("idTag").GetString(), cdr.GetProperty("amount").GetDecimal()));
        var csv = await api.GetStringAsync($"/api/cdrs?stationId={id}&format=csv", TestContext.Current.CancellationToken);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,correctsId,issuedAt,stationId", lines[0], StringComparison.Ordinal);
        var line = Assert.Single(lines[1..]);
        Assert.StartsWith(cdrId.ToString(CultureInfo.InvariantCulture) + ",,", line, StringComparison.Ordinal);
        Assert.Contains("," + id + ",", line, StringComparison.Ordinal);
        Assert.EndsWith($",{amount.ToString("0.00", CultureInfo.InvariantCulture)},,no", line, StringComparison.Ordinal);
        using var ocpi = JsonDocument.Parse(await api.GetStringAsync($"/api/cdrs?stationId={id}&format=ocpi", TestContext.Current.CancellationToken));
        var exported = Assert.Single(ocpi.RootElement.EnumerateArray());
        Assert.Equal(amount, exported.GetProperty("total_cost").GetProperty("incl_vat").GetDecimal());
        Assert.Equal(card, exported.GetProperty("cdr_token").GetProperty("uid").GetString());
        Assert.Equal("EUR", exported.GetProperty("currency").GetString());

        if (version == OcppVersion.V201)
        {
            Assert.Contains(station.Log.Entries, e => e.Text == $"Final cost of transaction {localId}: {amount.ToString(CultureInfo.InvariantCulture)}.");
            await AssertIskraFramesValidAsync(station, "CostUpdated", "TransactionEvent");
        }
        else
        {
            Assert.DoesNotContain(station.Log.Entries, e => e.Kind == "received" && e.Text.Contains("\"DataTransfer\"", StringComparison.Ordinal)); // no vendor display supports it
        }
    }

    /// <summary>The next event that <paramref name="match"/> accepts; events of other kinds on the way are skipped.</summary>
    internal static async Task<SseEvent> NextAsync(SseClient events, Func<SseEvent, bool> match, SseEvent? after = null)
    {
        while (true)
        {
            var e = await events.NextAsync();
            if ((after is null || e.Id > after.Id) && match(e))
            {
                return e;
            }
        }
    }

    /// <summary>
    /// What Iskra sent the station validates against the official schemas: its CALLs of <paramref name="calls"/> and its
    /// answers to the station's <paramref name="answered"/> CALLs; at least one of each.
    /// </summary>
    internal static async Task AssertIskraFramesValidAsync(SimStation station, string calls, string answered)
    {
        var sentIds = new HashSet<string>(StringComparer.Ordinal);
        int callsSeen = 0, answersSeen = 0;
        foreach (var entry in station.Log.Entries.Where(e => e.Kind is "sent" or "received").ToList())
        {
            using var frame = JsonDocument.Parse(entry.Text);
            var root = frame.RootElement;
            if (entry.Kind == "sent" && root[0].GetInt32() == 2 && root[2].GetString() == answered)
            {
                sentIds.Add(root[1].GetString()!);
            }
            else if (entry.Kind == "received" && root[0].GetInt32() == 2 && root[2].GetString() == calls)
            {
                callsSeen++;
                await SchemaOracle.AssertValidAsync(station.Version, calls, false, root[3]);
            }
            else if (entry.Kind == "received" && root[0].GetInt32() == 3 && sentIds.Contains(root[1].GetString()!))
            {
                answersSeen++;
                await SchemaOracle.AssertValidAsync(station.Version, answered, true, root[2]);
            }
        }

        Assert.True(callsSeen > 0 && answersSeen > 0, $"{callsSeen} {calls} calls, {answersSeen} answers to {answered}");
    }
}
