using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>OCTT 1.6 Table 79: a TxProfile while no transaction runs is rejected (or refused with PropertyConstraintViolation).</summary>
public sealed class TC_058_1_CS : LabCase
{
    private const int ProfileId = 5811;

    public override CaseInfo Info { get; } = new("TC_058_1_CS", "Central Smart Charging - No ongoing transaction", "Smart Charging", "OCTT 1.6 §2.22.1")
    {
        Requirements = ["OCPP 1.6 §3.13.1 TxProfile", "OCPP 1.6 §5.16.3"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var unit = await ChargingProfiles.UnitAsync(t).ConfigureAwait(false);
        var profile = ChargingProfiles.Absolute(t, ProfileId, ChargingProfilePurposeType.TxProfile, ChargingProfiles.StackLevel, unit, ChargingProfiles.Start(t), ChargingProfiles.Duration, (0, 6)) with { TransactionId = t.State.NextTransactionId() };
        try
        {
            var (error, answer) = await t.TrySendAsync(V16Calls.SetChargingProfile, new SetChargingProfileRequest { ConnectorId = t.Connector, CsChargingProfiles = profile }, "1").ConfigureAwait(false);
            t.Check(error == "PropertyConstraintViolation" || (error is null && answer!.Status == ChargingProfileStatus.Rejected), "2",
                "SetChargingProfile.conf status is Rejected, or a CALLERROR PropertyConstraintViolation: no transaction runs on the connector",
                error is null ? $"status is {answer!.Status}" : $"CALLERROR {error}",
                "Reject a TxProfile when no transaction is running on the connector (OCPP 1.6 §3.13.1: \"If there is no transaction active on the connector specified in a charging profile of type TxProfile, then the Charge Point SHALL discard it and return an error status in SetChargingProfile.conf\").",
                requirement: "OCPP 1.6 §3.13.1");
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, ProfileId).ConfigureAwait(false);
        }
    }
}
