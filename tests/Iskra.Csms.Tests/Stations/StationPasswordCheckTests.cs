using Iskra.Csms.Stations;
using Iskra.Csms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Stations;

/// <summary>
/// The password check of admission: one verification on every refusal path (so timing does not tell them
/// apart, SPEC §2.1), re-hashing at the configured cost, rotation (2.0.1 A01, 1.6 security whitepaper A01).
/// </summary>
public sealed class StationPasswordCheckTests
{
    private const string Password = "s3cret-password-of-24ch";
    private const string NewPassword = "n3w-password-after-rotation";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, AdmissionRequest> RefusalPaths => new()
    {
        { "unknown id, no credentials", new AdmissionRequest("nobody", null, null, null, IsTls: false, "10.0.0.1") },
        { "unknown id, credentials", new AdmissionRequest("nobody", "nobody", Password, null, IsTls: false, "10.0.0.1") },
        { "known id, no credentials", new AdmissionRequest("cp-1", null, null, null, IsTls: false, "10.0.0.1") },
        { "known id, another user name", new AdmissionRequest("cp-1", "cp-x", Password, null, IsTls: false, "10.0.0.1") },
        { "known id, wrong password", new AdmissionRequest("cp-1", "cp-1", "wrong-password-of-24chars", null, IsTls: false, "10.0.0.1") },
        { "profile 2 without TLS", new AdmissionRequest("cp-2", "cp-2", Password, null, IsTls: false, "10.0.0.1") },
        { "profile 3 without a certificate", new AdmissionRequest("cp-3", null, null, null, IsTls: true, "10.0.0.1") },
    };

    [Theory]
    [MemberData(nameof(RefusalPaths))]
    public async Task Every_refusal_path_performs_exactly_one_password_verification(string path, AdmissionRequest request)
    {
        await using var csms = await StartAsync();
        var hasher = csms.Get<StationPasswordHasher>();
        var before = hasher.Verifications;

        var decision = await csms.Get<IStationAdmission>().AdmitAsync(request, Ct);

        Assert.False(decision.Admitted, path);
        Assert.Equal(1, hasher.Verifications - before);
    }

    [Fact]
    public async Task A_station_that_logged_in_once_is_verified_from_memory_until_its_hash_changes()
    {
        await using var csms = await StartAsync();
        var hasher = csms.Get<StationPasswordHasher>();
        var request = new AdmissionRequest("cp-1", "cp-1", Password, null, IsTls: false, "10.0.0.1");
        var before = hasher.Verifications;

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await csms.Get<IStationAdmission>().AdmitAsync(request, Ct)).Admitted);
        }

        Assert.Equal(1, hasher.Verifications - before);
        Assert.False((await csms.Get<IStationAdmission>().AdmitAsync(request with { BasicPassword = "wrong-password-of-24chars" }, Ct)).Admitted);
        Assert.Equal(2, hasher.Verifications - before);
    }

    [Fact]
    public async Task A_hash_made_at_fewer_iterations_verifies_and_is_rehashed_at_the_configured_cost_at_the_next_login()
    {
        await using var csms = await StartAsync(iterations: 1500);
        var request = new AdmissionRequest("cp-1", "cp-1", Password, null, IsTls: false, "10.0.0.1");

        Assert.True((await csms.Get<IStationAdmission>().AdmitAsync(request, Ct)).Admitted);

        await using var db = await csms.DbAsync();
        var stored = (await db.Stations.SingleAsync(s => s.Id == "cp-1", Ct)).PasswordHash;
        Assert.Equal(1500, StationPasswords.IterationsOf(stored));
        Assert.True(StationPasswords.Verify(Password, stored));
    }

    [Fact]
    public async Task A_rotated_password_is_accepted_beside_the_old_one_until_the_first_login_with_it()
    {
        await using var csms = await StartAsync();
        await using (var seed = await csms.DbAsync())
        {
            await seed.Stations.Where(s => s.Id == "cp-1").ExecuteUpdateAsync(u => u.SetProperty(s => s.PendingPasswordHash, StationPasswords.Hash(NewPassword, 1000)), Ct);
        }

        var admission = csms.Get<IStationAdmission>();
        var old = new AdmissionRequest("cp-1", "cp-1", Password, null, IsTls: false, "10.0.0.1");

        Assert.True((await admission.AdmitAsync(old, Ct)).Admitted); // not yet switched
        Assert.True((await admission.AdmitAsync(old with { BasicPassword = NewPassword }, Ct)).Admitted);
        Assert.Equal(RefusalReason.BadCredentials, (await admission.AdmitAsync(old, Ct)).Reason); // the old one ended with it

        await using var db = await csms.DbAsync();
        var station = await db.Stations.SingleAsync(s => s.Id == "cp-1", Ct);
        Assert.Null(station.PendingPasswordHash);
        Assert.True(StationPasswords.Verify(NewPassword, station.PasswordHash));
    }

    [Fact]
    public async Task A_rotation_ends_the_old_password_even_when_a_heartbeat_of_the_station_shares_the_writer_batch()
    {
        await using var csms = await StartAsync();
        await using (var seed = await csms.DbAsync())
        {
            await seed.Stations.Where(s => s.Id == "cp-1").ExecuteUpdateAsync(u => u.SetProperty(s => s.PendingPasswordHash, StationPasswords.Hash(NewPassword, 1000)), Ct);
        }

        // Hold the writer in a batch, so the heartbeat (which attaches a stub row) and the login's promotion share the next one.
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = csms.Writer.WriteAsync(0, async (_, _, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return true;
        }, Ct);
        await entered.Task;
        var heartbeat = csms.Get<StationService>().HeartbeatAsync("cp-1", Ct).AsTask();
        var old = new AdmissionRequest("cp-1", "cp-1", Password, null, IsTls: false, "10.0.0.1");
        var login = csms.Get<IStationAdmission>().AdmitAsync(old with { BasicPassword = NewPassword }, Ct).AsTask();
        while (csms.Writer.Health().QueueDepth < 2)
        {
            await Task.Delay(10, Ct);
        }

        release.SetResult();
        await held;
        await heartbeat;
        Assert.True((await login).Admitted);

        Assert.Equal(RefusalReason.BadCredentials, (await csms.Get<IStationAdmission>().AdmitAsync(old, Ct)).Reason);
        await using var db = await csms.DbAsync();
        var station = await db.Stations.SingleAsync(s => s.Id == "cp-1", Ct);
        Assert.Null(station.PendingPasswordHash);
        Assert.True(StationPasswords.Verify(NewPassword, station.PasswordHash));
    }

    [Fact]
    public async Task A_promotion_is_kept_when_the_previous_connection_ends_later_in_the_same_writer_batch()
    {
        await using var csms = await StartAsync();
        await using (var seed = await csms.DbAsync())
        {
            await seed.Stations.Where(s => s.Id == "cp-1").ExecuteUpdateAsync(u => u.SetProperty(s => s.PendingPasswordHash, StationPasswords.Hash(NewPassword, 1000)), Ct);
        }

        // Hold the writer, so the login's promotion and then the old connection's end share the next batch.
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = csms.Writer.WriteAsync(0, async (_, _, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return true;
        }, Ct);
        await entered.Task;
        var old = new AdmissionRequest("cp-1", "cp-1", Password, null, IsTls: false, "10.0.0.1");
        var login = csms.Get<IStationAdmission>().AdmitAsync(old with { BasicPassword = NewPassword }, Ct).AsTask();
        while (csms.Writer.Health().QueueDepth < 1)
        {
            await Task.Delay(10, Ct);
        }

        var ended = csms.Get<StationService>().DisconnectedAsync("cp-1", null, DateTimeOffset.UtcNow, Ct).AsTask();
        while (csms.Writer.Health().QueueDepth < 2)
        {
            await Task.Delay(10, Ct);
        }

        release.SetResult();
        await held;
        Assert.True((await login).Admitted);
        await ended;

        Assert.Equal(RefusalReason.BadCredentials, (await csms.Get<IStationAdmission>().AdmitAsync(old, Ct)).Reason);
        await using var db = await csms.DbAsync();
        var station = await db.Stations.SingleAsync(s => s.Id == "cp-1", Ct);
        Assert.Null(station.PendingPasswordHash);
        Assert.True(StationPasswords.Verify(NewPassword, station.PasswordHash));
    }

    [Fact]
    public void The_product_default_is_the_OWASP_2023_count_and_hash_strings_carry_their_count()
    {
        Assert.Equal(600_000, new CsmsOptions().PasswordIterations);
        Assert.Equal(1234, StationPasswords.IterationsOf(StationPasswords.Hash("any-password-here", 1234)));
        Assert.True(StationPasswords.Verify("legacy", StationPasswords.Hash("legacy", 10_000)));
    }

    private static async Task<CsmsHarness> StartAsync(int iterations = 1000)
    {
        var csms = await CsmsHarness.StartAsync(new() { ["Csms:PasswordIterations"] = iterations.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        foreach (var profile in new[] { 1, 2, 3 })
        {
            await csms.SeedAsync(new Station
            {
                Id = $"cp-{profile}",
                SecurityProfile = profile,
                PasswordHash = profile is 1 or 2 ? StationPasswords.Hash(Password, 1000) : null,
                CreatedAt = CsmsHarness.Start,
            });
        }

        return csms;
    }
}
