using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 45: ChangeConfiguration of a key the station does not have is NotSupported.</summary>
public sealed class TC_040_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_040_1_CS", "Configuration key - NotSupported", "Core", "OCTT 1.6 §2.15.1")
    {
        Requirements = ["OCPP 1.6 §5.3 ChangeConfiguration"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = "Testing", Value = "true" }, "1").ConfigureAwait(false);
        t.Check(answer.Status == ConfigurationStatus.NotSupported, "2", "ChangeConfiguration.conf status is NotSupported for the unknown key 'Testing'",
            $"status is {answer.Status}", "Answer NotSupported when the key of a ChangeConfiguration.req is not a configuration setting of the Charge Point (OCPP 1.6 §5.3).", requirement: "OCPP 1.6 §5.3");
    }
}
