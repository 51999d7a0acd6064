using Iskra.Csms.Reports;
using Iskra.Csms.Stations;
using Iskra.Csms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Stations;

/// <summary>
/// Failed handshakes are limited per (id, address) and per address, never per id alone (SPEC §2.1;
/// docs/decisions/007-admission-limits.md): strangers cannot lock a station out, nor one guesser the
/// stations behind its NAT.
/// </summary>
public sealed class AdmissionLimitsTests
{
    private const string Wrong = "wrong-password-of-24chars";
    private const string Password = StationAdmissionTests.Password;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failures_for_an_id_from_one_address_do_not_stop_it_from_another_address()
    {
        await using var csms = await StationAdmissionTests.StartWithStationAsync("cp-1", profile: 1, maxFailures: 3);
        for (var i = 0; i < 10; i++)
        {
            await AdmitAsync(csms, "cp-1", Wrong, "203.0.113.66");
        }

        Assert.Equal(AdmissionDecision.Admit, await AdmitAsync(csms, "cp-1", Password, "198.51.100.10"));
        // The guessing pair itself is held back, even with the right password, until its back-off ends.
        Assert.Equal(AdmissionDecision.Refuse(RefusalReason.RateLimited), await AdmitAsync(csms, "cp-1", Password, "203.0.113.66"));
    }

    [Fact]
    public async Task Failures_for_an_id_from_many_addresses_never_lock_the_station_out()
    {
        await using var csms = await StationAdmissionTests.StartWithStationAsync("cp-1", profile: 1, maxFailures: 3);
        for (var i = 0; i < 30; i++)
        {
            await AdmitAsync(csms, "cp-1", Wrong, $"203.0.113.{i}");
        }

        Assert.Equal(AdmissionDecision.Admit, await AdmitAsync(csms, "cp-1", Password, "198.51.100.10"));
    }

    [Fact]
    public async Task Failures_from_an_address_for_many_ids_do_not_stop_a_station_admitted_from_it_before()
    {
        await using var csms = await StationAdmissionTests.StartWithStationAsync("cp-z", profile: 1, maxPerAddress: 5);
        const string Nat = "192.0.2.7";
        Assert.Equal(AdmissionDecision.Admit, await AdmitAsync(csms, "cp-z", Password, Nat));

        for (var i = 0; i < 20; i++)
        {
            await AdmitAsync(csms, $"guess-{i}", Wrong, Nat);
        }

        Assert.Equal(AdmissionDecision.Admit, await AdmitAsync(csms, "cp-z", Password, Nat));
        // Other ids from that address are refused before any lookup or hashing.
        Assert.Equal(AdmissionDecision.Refuse(RefusalReason.RateLimited), await AdmitAsync(csms, "guess-99", Wrong, Nat));
        Assert.Equal(AdmissionDecision.Refuse(RefusalReason.UnknownStation), await AdmitAsync(csms, "guess-99", Wrong, "192.0.2.8"));
    }

    [Fact]
    public async Task A_pair_refused_again_after_its_limit_waits_twice_as_long()
    {
        await using var csms = await StationAdmissionTests.StartWithStationAsync("cp-1", profile: 1, maxFailures: 2);
        await AdmitAsync(csms, "cp-1", Wrong, "203.0.113.5");
        await AdmitAsync(csms, "cp-1", Wrong, "203.0.113.5");
        csms.Time.Advance(TimeSpan.FromSeconds(61));
        await AdmitAsync(csms, "cp-1", Wrong, "203.0.113.5");
        await AdmitAsync(csms, "cp-1", Wrong, "203.0.113.5");

        csms.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(AdmissionDecision.Refuse(RefusalReason.RateLimited), await AdmitAsync(csms, "cp-1", Password, "203.0.113.5"));
        csms.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(AdmissionDecision.Admit, await AdmitAsync(csms, "cp-1", Password, "203.0.113.5"));
    }

    [Fact]
    public async Task A_guessed_registered_id_is_recorded_as_a_security_event_once_per_window()
    {
        await using var csms = await StationAdmissionTests.StartWithStationAsync("cp-1", profile: 1);
        for (var i = 0; i < 5; i++)
        {
            await AdmitAsync(csms, "cp-1", Wrong, $"203.0.113.{i}");
            await AdmitAsync(csms, "nobody", Wrong, $"203.0.113.{i}");
        }

        await WaitForNoticesAsync(csms, 1);
        csms.Time.Advance(TimeSpan.FromSeconds(61));
        await AdmitAsync(csms, "cp-1", Wrong, "203.0.113.9");
        await WaitForNoticesAsync(csms, 2);

        await using var db = await csms.DbAsync();
        var notices = await db.Notices.Where(n => n.Action == AdmissionGuard.FailedAuthentication).ToListAsync(Ct);
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(("cp-1", "BadCredentials"), (n.StationId, n.Status)));
        Assert.Contains("203.0.113.0", notices.OrderBy(n => n.Id).First().Payload, StringComparison.Ordinal);
    }

    private static async Task WaitForNoticesAsync(CsmsHarness csms, int count)
    {
        for (var i = 0; i < 400; i++)
        {
            await using var db = await csms.DbAsync();
            if (await db.Notices.CountAsync(n => n.Action == AdmissionGuard.FailedAuthentication, Ct) >= count)
            {
                return;
            }

            await Task.Delay(25, Ct);
        }
    }

    private static ValueTask<AdmissionDecision> AdmitAsync(CsmsHarness csms, string id, string password, string address) =>
        csms.Get<IStationAdmission>().AdmitAsync(new AdmissionRequest(id, id, password, null, false, address), Ct);
}
