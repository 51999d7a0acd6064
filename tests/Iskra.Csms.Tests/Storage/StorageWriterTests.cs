using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Csms.Tests.Infrastructure;
using Iskra.Csms.Traffic;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Storage;

public sealed class StorageWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_writes_share_one_commit_and_each_caller_then_finds_its_row_in_the_file()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await using var gate = await WriterGate.CloseAsync(csms.Writer);
        var before = csms.Writer.CommittedBatches;

        // Each call queues synchronously, so all of them wait behind the gate and form one batch.
        var writes = Enumerable.Range(0, 200).Select(i => WriteThenReadBackAsync(csms, $"cp-{i}")).ToList();
        gate.Open();
        var durable = await Task.WhenAll(writes);

        Assert.All(durable, Assert.True);
        Assert.Equal(2, csms.Writer.CommittedBatches - before); // the gate's own batch, then all 200 together
        await using var db = await csms.DbAsync();
        Assert.Equal(200, await db.ConnectionAttempts.CountAsync(Ct));
    }

    [Fact]
    public async Task Many_writers_without_coordination_need_fewer_commits_than_writes()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var before = csms.Writer.CommittedBatches;

        var writes = Enumerable.Range(0, 500).Select(i => Task.Run(() => WriteThenReadBackAsync(csms, $"cp-{i}"), Ct)).ToList();
        var durable = await Task.WhenAll(writes);

        Assert.All(durable, Assert.True);
        Assert.InRange(csms.Writer.CommittedBatches - before, 1, 499);
    }

    [Fact]
    public async Task A_duplicate_primary_key_fails_only_its_own_caller_and_the_rest_of_its_batch_is_committed()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await csms.SeedAsync(new Station { Id = "taken", Description = "original", CreatedAt = CsmsHarness.Start });
        await using var gate = await WriterGate.CloseAsync(csms.Writer);

        var good = Enumerable.Range(0, 10).Select(i => AddStationAsync(csms, $"cp-{i}", "new")).ToList();
        var duplicate = AddStationAsync(csms, "taken", "duplicate");
        var moreGood = Enumerable.Range(10, 10).Select(i => AddStationAsync(csms, $"cp-{i}", "new")).ToList();
        gate.Open();

        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);
        await Task.WhenAll(good.Concat(moreGood));
        await using var db = await csms.DbAsync();
        Assert.Equal(20, await db.Stations.CountAsync(s => s.Description == "new", Ct));
        Assert.Equal("original", (await db.Stations.SingleAsync(s => s.Id == "taken", Ct)).Description);
    }

    [Fact]
    public async Task Two_writes_of_the_same_new_key_in_one_batch_the_first_wins_and_only_the_second_fails()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await using var gate = await WriterGate.CloseAsync(csms.Writer);

        var first = AddStationAsync(csms, "cp-1", "first");
        var second = AddStationAsync(csms, "cp-1", "second");
        var other = AddStationAsync(csms, "cp-2", "other");
        gate.Open();

        await first;
        await other;
        await Assert.ThrowsAsync<DbUpdateException>(() => second);
        await using var db = await csms.DbAsync();
        Assert.Equal("first", (await db.Stations.SingleAsync(s => s.Id == "cp-1", Ct)).Description);
        Assert.Equal(2, await db.Stations.CountAsync(Ct));
    }

    [Fact]
    public async Task An_exception_thrown_while_applying_fails_only_that_caller()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await using var gate = await WriterGate.CloseAsync(csms.Writer);

        var before = AddStationAsync(csms, "cp-1", "ok");
        var broken = csms.Writer.WriteAsync<int, bool>(0, static (_, _, _) => throw new InvalidOperationException("broken apply"), Ct);
        var after = AddStationAsync(csms, "cp-2", "ok");
        gate.Open();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broken);
        Assert.Equal("broken apply", error.Message);
        await before;
        await after;
        await using var db = await csms.DbAsync();
        Assert.Equal(2, await db.Stations.CountAsync(Ct));
    }

    [Fact]
    public async Task Posted_rows_arrive_without_anyone_waiting_for_them()
    {
        await using var csms = await CsmsHarness.StartAsync();

        for (var i = 0; i < 50; i++)
        {
            csms.Writer.Log(
                new TrafficEntry { StationId = "cp-1", Timestamp = CsmsHarness.Start, Incoming = i % 2 == 0, Frame = $"[2,\"{i}\",\"Heartbeat\",{{}}]" });
        }

        // The queue is first in, first out: once a later write is durable, so is every post before it.
        await csms.Writer.WriteAsync(0, static (_, _, _) => ValueTask.FromResult(true), Ct);
        await using var db = await csms.DbAsync();
        Assert.Equal(50, await db.Traffic.CountAsync(t => t.StationId == "cp-1", Ct));
        Assert.Equal(0, csms.Writer.Dropped);
    }

    [Fact]
    public async Task Work_queued_before_stop_is_still_committed()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var gate = await WriterGate.CloseAsync(csms.Writer);

        var writes = Enumerable.Range(0, 20).Select(i => AddStationAsync(csms, $"cp-{i}", "queued")).ToList();
        var stopping = csms.Writer.StopAsync(CancellationToken.None);
        gate.Open();
        await stopping;
        await Task.WhenAll(writes);

        await using var db = await csms.DbAsync();
        Assert.Equal(20, await db.Stations.CountAsync(Ct));
    }

    private static async Task<bool> WriteThenReadBackAsync(CsmsHarness csms, string stationId)
    {
        var attempt = new ConnectionAttempt { StationId = stationId, Reason = RefusalReason.BadCredentials, Timestamp = CsmsHarness.Start };
        await csms.Writer.WriteAsync(attempt, static (db, a, _) => { db.ConnectionAttempts.Add(a); return ValueTask.FromResult(true); }, Ct);
        await using var db = await csms.DbAsync();
        return await db.ConnectionAttempts.AnyAsync(a => a.StationId == stationId, Ct);
    }

    private static Task<bool> AddStationAsync(CsmsHarness csms, string id, string description) =>
        csms.Writer.WriteAsync(
            new Station { Id = id, Description = description, CreatedAt = CsmsHarness.Start },
            static (db, s, _) => { db.Stations.Add(s); return ValueTask.FromResult(true); },
            Ct);
}
