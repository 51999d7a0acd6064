using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>OCTT 1.6 Table 78: a TxProfile for the running transaction is accepted and shows in the composite schedule.</summary>
public sealed class TC_057_CS : LabCase
{
    private const int ProfileId = 5701;

    public override CaseInfo Info { get; } = new("TC_057_CS", "Central Smart Charging - TxProfile", "Smart Charging", "OCTT 1.6 §2.22.1")
    {
        Requirements = ["OCPP 1.6 §3.13 Smart Charging", "OCPP 1.6 §5.16 SetChargingProfile", "OCPP 1.6 §5.7 GetCompositeSchedule"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            var transactionId = await Charging.RemoteStartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
            var unit = await ChargingProfiles.UnitAsync(t).ConfigureAwait(false);
            var profile = ChargingProfiles.Absolute(t, ProfileId, ChargingProfilePurposeType.TxProfile, ChargingProfiles.StackLevel, unit, ChargingProfiles.Start(t), ChargingProfiles.Duration, (0, 6)) with { TransactionId = transactionId };
            await ChargingProfiles.SetAsync(t, t.Connector, profile, "1").ConfigureAwait(false);
            await ChargingProfiles.CompositeAsync(t, "3", t.Connector, ChargingProfiles.Duration, unit, [(t.Connector, profile)], inTransaction: true).ConfigureAwait(false);
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, ProfileId).ConfigureAwait(false);
        }
    }
}
