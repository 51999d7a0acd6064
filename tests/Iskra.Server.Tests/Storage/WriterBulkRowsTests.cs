using System.Globalization;
using Iskra.Csms.Storage;
using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Storage;

/// <summary>
/// The storage writer's bulk rows on both databases: more meter values and traffic rows than one
/// statement carries, stored exactly once with their values and their transaction.
/// </summary>
public sealed class WriterBulkRowsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Hundreds_of_meter_values_and_traffic_rows_are_stored_with_their_values_and_transaction(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        var transactions = server.Services.GetRequiredService<TransactionService>();
        var writer = server.Services.GetRequiredService<StorageWriter>();
        var at = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        var values = Enumerable.Range(0, 250)
            .Select(i => new SampledReading((1000 + i).ToString(CultureInfo.InvariantCulture), "Energy.Active.Import.Register", i % 3 == 0 ? "L1" : null, "Wh", i % 2, "Sample.Periodic", "Outlet", null, null))
            .ToList();
        for (var i = 0; i < 700; i++)
        {
            writer.Log(new TrafficEntry { StationId = "bulk-1", Timestamp = at.AddMilliseconds(i), Incoming = i % 2 == 0, Frame = $"[2,\"{i}\",\"Heartbeat\",{{}}]" });
        }

        await transactions.EventAsync("bulk-1", new TransactionEventInput(
            "Started", at, "Authorized", 0, false, "tx-bulk", "Charging", null, null, null, null, 1, 2, null,
            [.. values.Select((v, i) => new MeterReading(at.AddSeconds(i), [v]))]), Ct);

        using var db = server.CreateDbContext();
        var tx = await db.Transactions.SingleAsync(t => t.TransactionId == "tx-bulk", Ct);
        var stored = await db.MeterValues.Where(m => m.StationId == "bulk-1").OrderBy(m => m.Id).ToListAsync(Ct);
        Assert.Equal(250, stored.Count);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (tx.Id, 1, 2, at.AddSeconds(i))), stored.Select(m => (m.TransactionDbId!.Value, m.EvseId, m.ConnectorId, m.Timestamp)));
        Assert.Equal(values.Select(v => (v.Value, v.Phase, v.Multiplier == 0 ? (int?)null : v.Multiplier, v.Context)), stored.Select(m => (m.Value, m.Phase, m.Multiplier, m.Context)));
        var traffic = await db.Traffic.Where(t => t.StationId == "bulk-1").OrderBy(t => t.Id).ToListAsync(Ct);
        Assert.Equal(700, traffic.Count);
        Assert.Equal(Enumerable.Range(0, 700).Select(i => (at.AddMilliseconds(i), i % 2 == 0)), traffic.Select(t => (t.Timestamp, t.Incoming)));
        Assert.Equal("[2,\"699\",\"Heartbeat\",{}]", traffic[^1].Frame);
    }
}
