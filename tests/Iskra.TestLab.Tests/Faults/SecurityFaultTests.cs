using System.Text.Json;
using Iskra.Simulator.Faults;
using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Faults;

/// <summary>Simulator faults against the 1.6 security whitepaper cases: the matching case fails with the exact finding, an unrelated one still passes.</summary>
public sealed class SecurityFaultTests
{
    private const string Profile1 = """{"featureProfiles":["Core","FirmwareManagement","LocalAuthListManagement","Reservation","SmartCharging","RemoteTrigger","Security"],"connectors":1,"securityProfile":1}""";

    [Fact]
    public async Task FirmwareStatusWithoutRequestId_fails_the_secure_firmware_update_on_the_requestId_and_leaves_the_security_log_passing()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-FSWR", StationFault.FirmwareStatusWithoutRequestId);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(Profile1, "TC_079_CS", "TC_080_CS"));

        var failed = LabHarness.Case(run, "TC_080_CS");
        Assert.True(failed.GetProperty("verdict").GetString() == "failed", failed.ToString());
        var finding = Assert.Single(failed.GetProperty("findings").EnumerateArray());
        Assert.Equal("TC_080_CS/step-3", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 security L01.FR.21", finding.GetProperty("requirement").GetString());
        Assert.StartsWith("Every SignedFirmwareStatusNotification.req of the update carries requestId ", finding.GetProperty("expected").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(" of the SignedUpdateFirmware.req", finding.GetProperty("expected").GetString(), StringComparison.Ordinal);
        Assert.Equal("Downloading: requestId is absent; Downloaded: requestId is absent; SignatureVerified: requestId is absent; Installing: requestId is absent; Installed: requestId is absent",
            finding.GetProperty("observed").GetString());
        Assert.StartsWith("Put the requestId of the SignedUpdateFirmware.req in every SignedFirmwareStatusNotification.req", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Contains(finding.GetProperty("frames").EnumerateArray(), f => f.GetProperty("frame").GetString()!.Contains("\"Downloading\"", StringComparison.Ordinal));
        Assert.Equal("passed", Verdict(run, "TC_079_CS"));
        Assert.Equal("failed", run.GetProperty("status").GetString());
    }

    private static string? Verdict(JsonElement run, string id) => LabHarness.Case(run, id).GetProperty("verdict").GetString();
}
