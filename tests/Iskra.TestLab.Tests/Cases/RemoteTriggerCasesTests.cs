using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>OCTT 1.6 §2.21 Remote Trigger cases against the reference simulator.</summary>
public sealed class RemoteTriggerCasesTests
{
    [Fact]
    public async Task TC_054_and_TC_055_pass_against_the_reference_simulator()
    {
        await using var lab = await LabHarness.StartAsync("LAB-TRIGGER");
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, "TC_054_CS", "TC_055_CS");

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "passed", "TC_054_CS", "TC_055_CS");
        Assert.Equal("passed", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Remote_trigger_cases_do_not_apply_to_a_model_without_the_profile()
    {
        await using var lab = await LabHarness.StartAsync("LAB-TRIGGER-NA", o => o with { Configuration = new Dictionary<string, string>(o.Configuration) { ["SupportedFeatureProfiles"] = "Core" } });
        var runId = await lab.StartRunAsync("""{"featureProfiles":["Core"],"connectors":1}""", "TC_054_CS", "TC_055_CS");

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "notApplicable", "TC_054_CS", "TC_055_CS");
    }
}
