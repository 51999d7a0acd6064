using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.LocalAuthList;

/// <summary>OCTT 1.6 Table 48: a station without the Local Auth List Management profile reports version -1 or refuses with NotSupported.</summary>
public sealed class TC_042_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_042_1_CS", "Get Local List Version (not supported)", "Local Auth List Management", "OCTT 1.6 §2.17.1")
    {
        Requirements = ["OCPP 1.6 §5.10 GetLocalListVersion"],
    };

    /// <summary>Only for a model without the profile (the document's prerequisite).</summary>
    public override string? NotApplicableTo(Declared model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Supports(Info.Profile) ? "the model declares the Local Auth List Management feature profile; this case is for stations without it" : null;
    }

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (error, answer) = await t.TrySendAsync(V16Calls.GetLocalListVersion, new GetLocalListVersionRequest(), "1").ConfigureAwait(false);
        if (error is not null)
        {
            t.Check(error == "NotSupported", "2", "CALLERROR NotSupported (or GetLocalListVersion.conf listVersion -1)", $"CALLERROR {error}",
                "A station without local list support answers GetLocalListVersion.req with listVersion -1 or CALLERROR NotSupported (OCPP 1.6 §5.10, OCPP-J §4.2.3).", requirement: "OCPP 1.6 §5.10");
            return;
        }

        t.Check(answer!.ListVersion == -1, "2", "GetLocalListVersion.conf listVersion is -1 (local lists not supported)", $"listVersion is {answer.ListVersion}",
            "Report listVersion -1 when the station does not support Local Authorization Lists (OCPP 1.6 §5.10), or declare the Local Auth List Management profile in the model.", requirement: "OCPP 1.6 §5.10");
    }
}
