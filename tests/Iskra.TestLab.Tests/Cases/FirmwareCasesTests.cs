using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>OCTT 1.6 §2.18–2.19 firmware and diagnostics cases against the reference simulator, with files served by Iskra on loopback.</summary>
public sealed class FirmwareCasesTests
{
    [Fact]
    public async Task The_firmware_and_diagnostics_cases_pass_against_the_reference_simulator()
    {
        await using var lab = await LabHarness.StartAsync("LAB-FIRMWARE");
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, "TC_044_1_CS", "TC_044_2_CS", "TC_045_1_CS", "TC_045_2_CS", "TC_054_CS");

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "passed", "TC_044_1_CS", "TC_044_2_CS", "TC_045_1_CS", "TC_045_2_CS", "TC_054_CS"); // TC_054_CS: a triggered firmware status is Idle again
        Assert.Equal("passed", run.GetProperty("status").GetString());
        Assert.Equal("lab-1.6.44", lab.Station.FirmwareVersion);
    }

    [Fact]
    public async Task The_installation_failed_case_passes_and_the_old_firmware_runs_on()
    {
        await using var lab = await LabHarness.StartAsync("LAB-FIRMWARE-FAIL");
        var before = lab.Station.FirmwareVersion;

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_044_3_CS"));

        CaseAssert.Verdict(run, "passed", "TC_044_3_CS");
        Assert.Equal(before, lab.Station.FirmwareVersion);
        Assert.Equal("InstallationFailed", lab.Station.FirmwareStatus);
        Assert.Equal(1, lab.Station.Connections); // no reboot
    }
}
