using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.LocalAuthList;

/// <summary>OCTT 1.6 Table 51: a station without the Local Auth List Management profile refuses a local list with NotSupported.</summary>
public sealed class TC_043_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_043_1_CS", "Send Local Authorization List - NotSupported", "Local Auth List Management", "OCTT 1.6 §2.17.2")
    {
        Requirements = ["OCPP 1.6 §5.15 SendLocalList"],
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
        var request = new SendLocalListRequest { UpdateType = UpdateType.Full, ListVersion = 1, LocalAuthorizationList = [LocalList.Accepted(t.Model.IdTag)] };
        var (error, answer) = await t.TrySendAsync(V16Calls.SendLocalList, request, "1").ConfigureAwait(false);
        if (error is not null)
        {
            t.Check(error == "NotSupported", "2", "CALLERROR NotSupported (or SendLocalList.conf status NotSupported)", $"CALLERROR {error}",
                "A station without local list support answers SendLocalList.req with status NotSupported or CALLERROR NotSupported (OCPP 1.6 §5.15, §7.44 UpdateStatus).", requirement: "OCPP 1.6 §5.15");
            return;
        }

        t.Check(answer!.Status == UpdateStatus.NotSupported, "2", "SendLocalList.conf status is NotSupported", $"status is {answer.Status}",
            "Answer NotSupported to SendLocalList.req when the station does not support Local Authorization Lists (OCPP 1.6 §7.44 UpdateStatus), or declare the Local Auth List Management profile in the model.", requirement: "OCPP 1.6 §5.15");
    }
}
