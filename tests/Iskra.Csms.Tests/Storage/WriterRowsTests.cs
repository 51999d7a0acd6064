using Iskra.Csms.Stations;
using Iskra.Csms.Tests.Infrastructure;
using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Storage;

/// <summary>
/// The storage writer's bulk rows (traffic and meter values inserted after SaveChanges) and kept rows
/// (open transactions and connectors carried from batch to batch instead of read again).
/// </summary>
public sealed class WriterRowsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Meter_values_and_traffic_of_one_batch_are_stored_in_bulk_linked_to_the_transaction_the_batch_creates()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var gate = await WriterGate.CloseAsync(csms.Writer);
        var values = Enumerable.Range(0, 300)
            .Select(i => new SampledReading((1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), EnergyRegister.Measurand, null, "Wh", 0, null, null, null, null))
            .ToList();
        var started = csms.Get<TransactionService>().EventAsync("cp-1", Event("Started", 0, at: 0, [.. values.Select((v, i) => new MeterReading(CsmsHarness.Start.AddSeconds(i), [v]))]), Ct);
        for (var i = 0; i < 600; i++)
        {
            csms.Writer.Log(new TrafficEntry { StationId = "cp-1", Timestamp = CsmsHarness.Start.AddMilliseconds(i), Incoming = i % 2 == 0, Frame = $"[2,\"{i}\",\"Heartbeat\",{{}}]" });
        }

        var before = csms.Writer.CommittedBatches;
        gate.Open();
        await started;
        await gate.DisposeAsync();

        Assert.Equal(2, csms.Writer.CommittedBatches - before); // the gate's own batch, then the event and all 600 traffic rows
        await using var db = await csms.DbAsync();
        var tx = await db.Transactions.SingleAsync(Ct);
        var stored = await db.MeterValues.OrderBy(m => m.Id).ToListAsync(Ct);
        Assert.Equal(300, stored.Count);
        Assert.All(stored, m => Assert.Equal(tx.Id, m.TransactionDbId));
        Assert.Equal(values.Select(v => v.Value), stored.Select(m => m.Value));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => CsmsHarness.Start.AddSeconds(i)), stored.Select(m => m.Timestamp)); // one sample each: a repeat would be skipped
        Assert.Equal(1299m - 1000m, tx.EnergyWh);
        var traffic = await db.Traffic.OrderBy(t => t.Id).ToListAsync(Ct);
        Assert.Equal(600, traffic.Count);
        Assert.Equal(CsmsHarness.Start.AddMilliseconds(599), traffic[^1].Timestamp);
        Assert.Equal([true, false], traffic.Take(2).Select(t => t.Incoming));
    }

    [Fact]
    public async Task A_failed_batch_neither_loses_nor_repeats_what_it_did_to_a_kept_transaction()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var transactions = csms.Get<TransactionService>();
        await transactions.EventAsync("cp-1", Event("Started", 0, at: 0, [Register(0, "1000")]), Ct);
        await transactions.EventAsync("cp-1", Event("Updated", 1, at: 10, [Register(10, "1500")]), Ct); // now a kept row

        // The event shares a batch with a write that throws: the batch fails and is retried item by item.
        var gate = await WriterGate.CloseAsync(csms.Writer);
        var updated = transactions.EventAsync("cp-1", Event("Updated", 2, at: 20, [Register(20, "2000")]), Ct);
        var broken = csms.Writer.WriteAsync<int, bool>(0, static (_, _, _) => throw new InvalidOperationException("broken"), Ct);
        csms.Writer.Log(new TrafficEntry { StationId = "cp-1", Timestamp = CsmsHarness.Start, Incoming = true, Frame = "[2,\"1\",\"Heartbeat\",{}]" });
        gate.Open();
        await updated;
        await Assert.ThrowsAsync<InvalidOperationException>(() => broken);
        await gate.DisposeAsync();

        await transactions.EventAsync("cp-1", Event("Updated", 3, at: 30, [Register(30, "2600")]), Ct);
        await transactions.EventAsync("cp-1", Event("Updated", 2, at: 20, [Register(20, "2000")]), Ct); // a retry of seqNo 2

        await using var db = await csms.DbAsync();
        var tx = await db.Transactions.SingleAsync(Ct);
        Assert.Equal((3, 1600m, TransactionProblems.None), (tx.LastSeqNo, tx.EnergyWh, tx.Problems));
        Assert.Equal([0, 1, 2, 3], await db.TransactionEvents.OrderBy(e => e.SeqNo).Select(e => e.SeqNo).ToListAsync(Ct));
        Assert.Equal(4, await db.MeterValues.CountAsync(Ct));
        Assert.Equal(1, await db.Traffic.CountAsync(Ct)); // the batch's traffic row is stored once, in the retry
    }

    [Fact]
    public async Task A_stopped_transaction_is_not_kept_and_a_late_event_for_it_reads_the_stored_row()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var transactions = csms.Get<TransactionService>();
        await transactions.EventAsync("cp-1", Event("Started", 0, at: 0, [Register(0, "1000")]), Ct);
        await transactions.EventAsync("cp-1", Event("Ended", 1, at: 10, [Register(10, "4000")]), Ct);

        await transactions.EventAsync("cp-1", Event("Updated", 1, at: 10, []), Ct); // a retry of the end
        await transactions.EventAsync("cp-1", Event("Updated", 2, at: 5, [Register(5, "3000")]), Ct); // delivered late

        await using var db = await csms.DbAsync();
        var tx = await db.Transactions.SingleAsync(Ct);
        Assert.Equal(3, await db.TransactionEvents.CountAsync(Ct));
        Assert.Equal((2, 3000m, CsmsHarness.Start.AddSeconds(10)), (tx.LastSeqNo, tx.EnergyWh, tx.StoppedAt));
    }

    [Fact]
    public async Task A_connector_deleted_outside_the_writer_is_stored_again_by_its_next_status()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var stations = csms.Get<StationService>();
        await stations.StatusAsync("cp-1", Status("Available", at: 0), Ct);
        await stations.StatusAsync("cp-1", Status("Preparing", at: 1), Ct); // now a kept row
        await using (var api = await csms.DbAsync())
        {
            await api.Connectors.Where(c => c.StationId == "cp-1").ExecuteDeleteAsync(Ct); // as deleting a station does
        }

        await stations.StatusAsync("cp-1", Status("Charging", at: 2), Ct);
        await stations.StatusAsync("cp-1", Status("Finishing", at: 3), Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal("Finishing", (await db.Connectors.SingleAsync(Ct)).Status);
        Assert.Equal(4, await db.StatusEvents.CountAsync(Ct));
    }

    [Fact]
    public async Task Statuses_of_many_connectors_in_one_batch_each_update_their_own_row()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var stations = csms.Get<StationService>();
        await stations.StatusAsync("cp-1", Status("Available", at: 0, connector: 1), Ct);

        var gate = await WriterGate.CloseAsync(csms.Writer);
        var writes = new[]
        {
            stations.StatusAsync("cp-1", Status("Preparing", at: 1, connector: 1), Ct).AsTask(),
            stations.StatusAsync("cp-1", Status("Available", at: 1, connector: 2), Ct).AsTask(),
            stations.StatusAsync("cp-1", Status("Charging", at: 2, connector: 1), Ct).AsTask(),
            stations.StatusAsync("cp-1", Status("Faulted", at: 0, connector: 1), Ct).AsTask(), // older: history only
        };
        gate.Open();
        await Task.WhenAll(writes);
        await gate.DisposeAsync();

        await using var db = await csms.DbAsync();
        var connectors = await db.Connectors.OrderBy(c => c.ConnectorId).Select(c => c.Status).ToListAsync(Ct);
        Assert.Equal(["Charging", "Available"], connectors);
        Assert.Equal(5, await db.StatusEvents.CountAsync(Ct));
    }

    private static TransactionEventInput Event(string type, int seqNo, int at, IReadOnlyList<MeterReading> meterValues) =>
        new(type, CsmsHarness.Start.AddSeconds(at), TriggerReason: "MeterValuePeriodic", seqNo, Offline: false, "tx-1", ChargingState: null,
            StoppedReason: null, RemoteStartId: null, IdToken: null, IdTokenType: null, EvseId: 1, ConnectorId: 1,
            ReservationId: null, meterValues);

    private static MeterReading Register(int at, string wh) =>
        new(CsmsHarness.Start.AddSeconds(at), [new SampledReading(wh, EnergyRegister.Measurand, null, "Wh", 0, null, "Outlet", null, null)]);

    private static StatusReport Status(string status, int at, int connector = 1) =>
        new(1, connector, status, null, null, null, null, CsmsHarness.Start.AddSeconds(at));
}
