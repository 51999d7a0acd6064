using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>OCTT 1.6 Table 80: a TxProfile naming another transaction than the running one is rejected.</summary>
public sealed class TC_058_2_CS : LabCase
{
    private const int ProfileId = 5821;

    public override CaseInfo Info { get; } = new("TC_058_2_CS", "Central Smart Charging - Wrong transactionId", "Smart Charging", "OCTT 1.6 §2.22.1")
    {
        Requirements = ["OCPP 1.6 §3.13.1 TxProfile", "OCPP 1.6 §5.16.3"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            var transactionId = await Charging.RemoteStartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
            var unit = await ChargingProfiles.UnitAsync(t).ConfigureAwait(false);
            var wrong = transactionId + 1000;
            var profile = ChargingProfiles.Absolute(t, ProfileId, ChargingProfilePurposeType.TxProfile, ChargingProfiles.StackLevel, unit, ChargingProfiles.Start(t), ChargingProfiles.Duration, (0, 6)) with { TransactionId = wrong };
            var answer = await t.SendAsync(V16Calls.SetChargingProfile, new SetChargingProfileRequest { ConnectorId = t.Connector, CsChargingProfiles = profile }, "1", "OCPP 1.6 §5.16").ConfigureAwait(false);
            t.Check(answer.Status == ChargingProfileStatus.Rejected, "2",
                $"SetChargingProfile.conf status is Rejected: transactionId {wrong} is not the running transaction {transactionId}", $"status is {answer.Status}",
                "Reject a TxProfile whose transactionId is not the transaction running on the connector (OCPP 1.6 §3.13.1, §5.16: the transactionId names the transaction the TxProfile applies to).",
                requirement: "OCPP 1.6 §3.13.1");
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, ProfileId).ConfigureAwait(false);
        }
    }
}
