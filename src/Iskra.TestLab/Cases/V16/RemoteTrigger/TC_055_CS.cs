using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.RemoteTrigger;

/// <summary>OCTT 1.6 Table 76: a trigger for a connector the station does not have is rejected, and nothing is sent.</summary>
public sealed class TC_055_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_055_CS", "Trigger Message - Rejected", "Remote Trigger", "OCTT 1.6 §2.21.2")
    {
        Requirements = ["OCPP 1.6 §5.17 TriggerMessage"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var missing = t.Model.Connectors + 1;
        var (error, answer) = await t.TrySendAsync(V16Calls.TriggerMessage, new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues, ConnectorId = missing }, "1").ConfigureAwait(false);
        if (error is null)
        {
            t.Check(answer!.Status == TriggerMessageStatus.Rejected, "2", $"TriggerMessage.conf status is Rejected for connector {missing}, which the station does not have",
                $"status is {answer.Status}", "Reject a TriggerMessage.req whose connectorId is not a connector of the station (OCPP 1.6 §5.17: the Charge Point SHALL respond Rejected when it will not send the message).", requirement: "OCPP 1.6 §5.17");
        }

        await t.ExpectNoneAsync(V16Calls.MeterValues, "2", t.Settings.QuietPeriod, m => m.ConnectorId == missing,
            $"The Charge Point does not send MeterValues.req for connector {missing}", $"Send nothing for a rejected TriggerMessage.req; connector {missing} does not exist (OCPP 1.6 §5.17).", "OCPP 1.6 §5.17").ConfigureAwait(false);
    }
}
