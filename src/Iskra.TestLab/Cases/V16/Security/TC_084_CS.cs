using System.Globalization;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>OCTT 1.6 Table 99: a change of SecurityProfile to a lower level is rejected.</summary>
public sealed class TC_084_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_084_CS", "Downgrade security profile - Rejected", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.3")
    {
        Requirements = ["OCPP 1.6 security A05.FR.01"],
    };

    public override string? NotApplicableTo(Declared model) => Certificates.NeedsProfile(model, this, 2, 3);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var lower = (t.Model.SecurityProfile - 1).ToString(CultureInfo.InvariantCulture);
        var answer = await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = "SecurityProfile", Value = lower }, "1", "OCPP 1.6 security A05").ConfigureAwait(false);
        t.Check(answer.Status == ConfigurationStatus.Rejected, "2", $"ChangeConfiguration.conf status is Rejected for SecurityProfile {lower}, one level lower than {t.Model.SecurityProfile}", $"status is {answer.Status}",
            "Reject a SecurityProfile lower than (or equal to) the current one, keep the value and do not reconnect (1.6 security A05.FR.01: \"it is not allowed to change to a lower Security Profile over OCPP\").",
            requirement: "OCPP 1.6 security A05.FR.01");
    }
}
