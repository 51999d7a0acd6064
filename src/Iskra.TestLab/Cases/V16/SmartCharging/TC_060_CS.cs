using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>OCTT 1.6 Table 86: a remote start whose charging profile is not a TxProfile is rejected.</summary>
public sealed class TC_060_CS : LabCase
{
    private const int ProfileId = 6001;

    public override CaseInfo Info { get; } = new("TC_060_CS", "Remote Start Transaction with Charging Profile - Rejected", "Smart Charging", "OCTT 1.6 §2.22.5")
    {
        Requirements = ["OCPP 1.6 §5.11 RemoteStartTransaction", "OCPP 1.6 §5.16.2"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var unit = await ChargingProfiles.UnitAsync(t).ConfigureAwait(false);
        var profile = ChargingProfiles.Absolute(t, ProfileId, ChargingProfilePurposeType.TxDefaultProfile, ChargingProfiles.StackLevel, unit, ChargingProfiles.Start(t), ChargingProfiles.Duration, (0, 6));
        try
        {
            var (error, answer) = await t.TrySendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = t.Connector, IdTag = t.Model.IdTag, ChargingProfile = profile }, "1").ConfigureAwait(false);
            t.Check(error == "PropertyConstraintViolation" || (error is null && answer!.Status == RemoteStartStopStatus.Rejected), "2",
                "RemoteStartTransaction.conf status is Rejected, or a CALLERROR PropertyConstraintViolation: the charging profile's purpose is TxDefaultProfile, not TxProfile",
                error is null ? $"status is {answer!.Status}" : $"CALLERROR {error}",
                "Reject a RemoteStartTransaction.req whose ChargingProfile purpose is not TxProfile (OCPP 1.6 §5.16.2: \"the ChargingProfilePurpose MUST be set to TxProfile\").",
                requirement: "OCPP 1.6 §5.16.2");
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, ProfileId).ConfigureAwait(false);
        }
    }
}
