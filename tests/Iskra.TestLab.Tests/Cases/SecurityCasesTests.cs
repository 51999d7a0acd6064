using Iskra.Csms.Routing;
using Iskra.Csms.Stations;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;
using Iskra.TestLab.Tests.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>
/// The 1.6 security whitepaper cases (OCTT §2.24) against the reference simulator. The harness's station connects over
/// ws:// with Basic auth (security profile 1); the certificate cases need profile 2 or 3 by the document, so they run
/// under a declaration of profile 2: what they exercise (certificate messages) does not depend on the transport.
/// </summary>
public sealed class SecurityCasesTests
{
    private const string Profile1 = """{"featureProfiles":["Core","FirmwareManagement","LocalAuthListManagement","Reservation","SmartCharging","RemoteTrigger","Security"],"connectors":1,"securityProfile":1}""";
    private const string Profile3 = """{"featureProfiles":["Core","FirmwareManagement","LocalAuthListManagement","Reservation","SmartCharging","RemoteTrigger","Security"],"connectors":1,"securityProfile":3}""";
    private const string Profile2 = """{"featureProfiles":["Core","FirmwareManagement","LocalAuthListManagement","Reservation","SmartCharging","RemoteTrigger","Security"],"connectors":1,"securityProfile":2}""";

    [Fact]
    public async Task A_profile_1_station_rotates_its_password_and_authenticates_with_basic_auth()
    {
        await using var lab = await LabHarness.StartAsync("LAB-SEC-1");
        var runId = await lab.StartRunAsync(Profile1, "TC_073_CS", "TC_085_CS", "TC_075_1_CS", "TC_084_CS");

        var run = await lab.FinishedAsync(runId);

        Assert.True(LabHarness.Case(run, "TC_073_CS").GetProperty("verdict").GetString() == "passed", LabHarness.Case(run, "TC_073_CS").ToString());
        Assert.True(LabHarness.Case(run, "TC_085_CS").GetProperty("verdict").GetString() == "passed", LabHarness.Case(run, "TC_085_CS").ToString());
        Assert.Equal("notApplicable", LabHarness.Case(run, "TC_075_1_CS").GetProperty("verdict").GetString());
        Assert.Equal("notApplicable", LabHarness.Case(run, "TC_084_CS").GetProperty("verdict").GetString());
        Assert.True(lab.Station.IsOnline, "the station is back online with the password the lab gave it last");
    }

    [Fact]
    public async Task The_reference_station_installs_lists_deletes_and_refuses_certificates()
    {
        string[] ids = ["TC_075_1_CS", "TC_075_2_CS", "TC_076_CS", "TC_078_CS", "TC_084_CS"];
        await using var lab = await LabHarness.StartAsync("LAB-SEC-2");
        var runId = await lab.StartRunAsync(Profile2, ids);

        var run = await lab.FinishedAsync(runId);

        foreach (var id in ids)
        {
            var verdict = LabHarness.Case(run, id);
            Assert.True(verdict.GetProperty("verdict").GetString() == "passed", verdict.ToString());
        }
    }

    [Fact]
    public async Task A_station_silent_after_boot_fails_basic_authentication_at_the_status_notifications()
    {
        await using var lab = await LabHarness.StartAsync("LAB-SEC-NS", StationFault.NoStatusAfterBoot);
        var runId = await lab.StartRunAsync(Profile1, "TC_073_CS", "TC_085_CS");

        var run = await lab.FinishedAsync(runId);

        Assert.Equal("passed", LabHarness.Case(run, "TC_073_CS").GetProperty("verdict").GetString());
        var failed = LabHarness.Case(run, "TC_085_CS");
        Assert.Equal("failed", failed.GetProperty("verdict").GetString());
        var finding = failed.GetProperty("findings")[0];
        Assert.Equal("TC_085_CS/step-5", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0 after boot", finding.GetProperty("requirement").GetString());
        Assert.Equal("The Charge Point sends a StatusNotification.req", finding.GetProperty("expected").GetString());
        Assert.StartsWith("no StatusNotification.req within", finding.GetProperty("observed").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Send StatusNotification.req at this point of the flow", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_station_uploads_its_security_log_and_updates_signed_firmware()
    {
        string[] ids = ["TC_079_CS", "TC_080_CS", "TC_081_CS"];
        await using var lab = await LabHarness.StartAsync("LAB-SEC-LOG-FW");
        var runId = await lab.StartRunAsync(Profile1, ids);

        var run = await lab.FinishedAsync(runId);

        foreach (var id in ids)
        {
            var verdict = LabHarness.Case(run, id);
            Assert.True(verdict.GetProperty("verdict").GetString() == "passed", run.ToString());
        }

        Assert.Equal("lab-1.6.80-signed", lab.Station.FirmwareVersion); // TC_081's image was refused, TC_080's runs
    }

    [Fact]
    public async Task The_reference_station_rejects_an_expired_charge_point_certificate_and_reports_it()
    {
        await using var lab = await LabHarness.StartAsync("LAB-SEC-CPC");
        var runId = await lab.StartRunAsync(Profile3, "TC_077_CS");

        var run = await lab.FinishedAsync(runId);

        var verdict = LabHarness.Case(run, "TC_077_CS");
        Assert.True(verdict.GetProperty("verdict").GetString() == "passed", verdict.ToString());
        Assert.Equal("notApplicable", LabHarness.Case(await lab.FinishedAsync(await lab.StartRunAsync(Profile2, "TC_077_CS")), "TC_077_CS").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task A_profile_3_station_over_TLS_renews_its_certificate_and_the_lab_issued_one_is_refused_after_the_run()
    {
        const string id = "LAB-SEC-074";
        await using var lab = await LabHarness.StartTlsAsync(id);
        var runId = await lab.StartRunAsync(Profile3, "TC_074_CS");

        var run = await lab.FinishedAsync(runId);

        var verdict = LabHarness.Case(run, "TC_074_CS");
        Assert.True(verdict.GetProperty("verdict").GetString() == "passed", verdict.ToString());
        Assert.True(lab.Station.IsOnline, "the station is connected with the certificate the lab issued while the run held it");

        // The run is over: once its claim is released, the lab's certificate opens no connection any more.
        var claims = lab.Server.Services.GetRequiredService<StationClaims>();
        await WaitAsync(() => claims.Find(id) is null, "the run releases the station");
        await lab.Station.NetworkDownAsync();
        await lab.Station.NetworkUpAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // several reconnection attempts
        Assert.False(lab.Station.IsConnected, "a certificate of the lab's authority is not trusted outside the run");
        await lab.Server.FlushRefusalsAsync();
        await using var db = lab.Server.CreateDbContext();
        Assert.True(await db.ConnectionAttempts.AnyAsync(a => a.StationId == id && a.Reason == RefusalReason.Tls, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_station_that_accepts_the_certificate_but_stays_on_its_connection_fails_TC_074_at_the_reconnection()
    {
        // The harness's station connects without a client certificate: it installs the new one and has no TLS connection to renew.
        await using var lab = await LabHarness.StartAsync("LAB-SEC-074-NR");
        var runId = await lab.StartRunAsync(Profile3, "TC_074_CS");

        var run = await lab.FinishedAsync(runId);

        var failed = LabHarness.Case(run, "TC_074_CS");
        Assert.True(failed.GetProperty("verdict").GetString() == "failed", failed.ToString());
        var finding = failed.GetProperty("findings")[0];
        Assert.Equal("TC_074_CS/step-7", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 security A02.FR.08", finding.GetProperty("requirement").GetString());
        Assert.Equal("The Charge Point reconnects to the Central System", finding.GetProperty("expected").GetString());
        Assert.Equal("no new connection within 16 s", finding.GetProperty("observed").GetString());
        Assert.StartsWith("After accepting the new Charge Point certificate, switch to it", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal("notApplicable", LabHarness.Case(await lab.FinishedAsync(await lab.StartRunAsync(Profile2, "TC_074_CS")), "TC_074_CS").GetProperty("verdict").GetString());
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
