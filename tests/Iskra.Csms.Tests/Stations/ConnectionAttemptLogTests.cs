using Iskra.Csms.Stations;
using Iskra.Csms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Stations;

/// <summary>Refused handshakes cost bounded time and space (docs/decisions/007-admission-limits.md).</summary>
public sealed class ConnectionAttemptLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recording_a_refusal_does_not_wait_for_storage()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await csms.Writer.StopAsync(Ct); // nothing is written from here on

        var recorded = csms.Get<IStationAdmission>().RecordRefusalAsync("cp-9", "198.51.100.4", RefusalReason.BadCredentials, Ct);

        Assert.True(recorded.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Repeated_refusals_in_a_minute_share_one_row_with_a_count_and_first_and_last_time()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var admission = csms.Get<IStationAdmission>();
        for (var i = 0; i < 500; i++)
        {
            await admission.RecordRefusalAsync("cp-9", "198.51.100.4", RefusalReason.BadCredentials, Ct);
            csms.Time.Advance(TimeSpan.FromMilliseconds(200));
        }

        await admission.RecordRefusalAsync("cp-9", "198.51.100.5", RefusalReason.BadCredentials, Ct);
        await csms.Get<ConnectionAttemptLog>().FlushAsync(Ct);

        await using var db = await csms.DbAsync();
        var rows = await db.ConnectionAttempts.Where(a => a.RemoteAddress == "198.51.100.4").OrderBy(a => a.FirstSeen).ToListAsync(Ct);
        Assert.Equal(2, rows.Count); // 100 s: the first minute's row and the next one's
        Assert.Equal(300, rows[0].Count);
        Assert.Equal(500, rows.Sum(r => r.Count));
        Assert.Equal(CsmsHarness.Start, rows[0].FirstSeen);
        Assert.Equal(CsmsHarness.Start.AddMilliseconds(200 * 499), rows[^1].Timestamp);
        Assert.Equal(1, await db.ConnectionAttempts.CountAsync(a => a.RemoteAddress == "198.51.100.5", Ct));
    }

    [Fact]
    public async Task A_row_counted_again_after_a_flush_is_updated_not_duplicated()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var log = csms.Get<ConnectionAttemptLog>();
        log.Record("cp-9", "198.51.100.4", RefusalReason.UnknownStation);
        await log.FlushAsync(Ct);
        log.Record("cp-9", "198.51.100.4", RefusalReason.UnknownStation);
        log.Record("cp-9", "198.51.100.4", RefusalReason.UnknownStation);
        await log.FlushAsync(Ct);

        await using var db = await csms.DbAsync();
        var row = await db.ConnectionAttempts.SingleAsync(Ct);
        Assert.Equal(3, row.Count);
    }

    [Fact]
    public async Task Past_the_row_cap_of_a_minute_refusals_are_summed_per_reason_without_address_or_id()
    {
        await using var csms = await CsmsHarness.StartAsync(new() { ["Csms:MaxConnectionAttemptRowsPerMinute"] = "3" });
        var log = csms.Get<ConnectionAttemptLog>();
        for (var i = 0; i < 1000; i++)
        {
            log.Record($"guess-{i}", $"10.0.{i / 250}.{i % 250}", RefusalReason.UnknownStation);
        }

        await log.FlushAsync(Ct);

        await using var db = await csms.DbAsync();
        var rows = await db.ConnectionAttempts.ToListAsync(Ct);
        Assert.Equal(4, rows.Count);
        var sum = Assert.Single(rows, r => r.StationId is null);
        Assert.Equal((null, 997), (sum.RemoteAddress, sum.Count));
    }

    [Fact]
    public async Task A_refusal_with_a_very_long_station_id_is_recorded_truncated_to_200_characters()
    {
        await using var csms = await CsmsHarness.StartAsync();

        await csms.Get<IStationAdmission>().RecordRefusalAsync(new string('x', 5000), null, RefusalReason.BadPath, Ct);
        await csms.Get<ConnectionAttemptLog>().FlushAsync(Ct);

        await using var db = await csms.DbAsync();
        var attempt = await db.ConnectionAttempts.SingleAsync(Ct);
        Assert.Equal(new string('x', 200), attempt.StationId);
        Assert.Null(attempt.RemoteAddress);
        Assert.Equal((1, CsmsHarness.Start, CsmsHarness.Start), (attempt.Count, attempt.FirstSeen, attempt.Timestamp));
    }
}
