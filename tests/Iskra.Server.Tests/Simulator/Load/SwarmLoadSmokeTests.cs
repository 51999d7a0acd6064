using Iskra.Csms.Authorization;
using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Swarm;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Simulator.Load;

/// <summary>
/// A short load smoke: a few hundred swarm stations, half 1.6 and half 2.0.1, each sending a fixed
/// number of messages on a fast open-loop schedule against the real Iskra. Asserts no errors and
/// that every message was answered and stored; no timing (docs/benchmarks.md has the figures).
/// </summary>
public sealed class SwarmLoadSmokeTests
{
    private const int Stations = 300;
    private const int MessagesPerStation = 12;

    /// <summary>Heartbeat every second, sessions of 3 meter values in 200 ms slots: 12 messages in ~2.5 s.</summary>
    private static readonly SwarmProfile Fast = new("smoke", TimeSpan.FromSeconds(1), true, TimeSpan.FromMilliseconds(200), 3);

    [Fact]
    public async Task Hundreds_of_stations_on_both_versions_lose_no_message()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Ocpp:MaxMessagesPerSecond"] = "100000",
            ["Ocpp:MessageBurst"] = "100000",
        });
        var ids = Enumerable.Range(1, Stations).Select(i => $"LOAD{i:D4}").ToArray();
        await server.SeedAsync(db =>
        {
            db.Stations.AddRange(ids.Select(id => new Station { Id = id, SecurityProfile = 0, RegistrationStatus = RegistrationState.Accepted, CreatedAt = DateTimeOffset.UtcNow }));
            db.IdTags.Add(new IdTag { Value = SwarmFrames.IdTag, Status = IdTagStatus.Accepted, CreatedAt = DateTimeOffset.UtcNow });
        });

        var stats = new SwarmStats();
        await using var fleet = new SwarmFleet(new SwarmConnector(server.BaseUri, sources: 2, deflate: false), ids,
            i => i % 2 == 0 ? OcppVersion.V16 : OcppVersion.V201, stats);
        var (booted, _) = await fleet.ConnectAsync(concurrency: 32, TimeSpan.FromSeconds(20), ct: ct);
        Assert.True(booted == Stations, $"booted {booted} of {Stations}; first error: {stats.FirstError}");

        var measured = new SwarmStats();
        await SwarmLoad.RunAsync(fleet.Stations, Fast, TimeSpan.Zero, TimeSpan.FromSeconds(20), measured, TimeSpan.FromSeconds(10), MessagesPerStation, ct: ct);

        const int expected = Stations * MessagesPerStation;
        Assert.True(measured.Errors == 0 && measured.Skipped == 0, $"errors {measured.Errors}, skipped {measured.Skipped}, sent {measured.TotalSent}, p99 {measured.AllLatency().PercentileMs(0.99)} ms; first error: {measured.FirstError}");
        var detail = string.Join(", ", Enum.GetValues<SwarmAction>().Select(a => $"{a} {measured.Sent(a)}/{measured.Latency(a).Count}"));
        Assert.True(expected == measured.TotalSent, $"sent {measured.TotalSent} of {expected}: {detail}; p99 {measured.AllLatency().PercentileMs(0.99)} ms, outstanding {fleet.Stations.Sum(s => s.Outstanding)}");
        Assert.Equal(expected, measured.TotalAnswered);
        Assert.Equal(Stations, fleet.Connected);

        // Stored: every CALL in the traffic log (boot included), and two meter rows per message that carries a meter value.
        await using var db = server.CreateDbContext();
        var calls = 0;
        for (var attempt = 0; attempt < 100 && calls < expected + Stations; attempt++)
        {
            await Task.Delay(100, ct);
            calls = await db.Traffic.CountAsync(t => t.Incoming && t.Frame.StartsWith("[2,"), ct);
        }

        Assert.Equal(expected + Stations, calls);
        var perStation = await db.Traffic.Where(t => t.Incoming && t.Frame.StartsWith("[2,")).GroupBy(t => t.StationId).Select(g => g.Count()).Distinct().ToListAsync(ct);
        Assert.Equal([MessagesPerStation + 1], perStation);
        var meterMessages = measured.Sent(SwarmAction.MeterValues) + measured.Sent(SwarmAction.TransactionEvent);
        Assert.True(meterMessages > 0);
        Assert.Equal(2 * meterMessages, await db.MeterValues.LongCountAsync(ct));
    }
}
