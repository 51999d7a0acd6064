using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>
/// OCTT 1.6 Table 85: a remote start carries a TxProfile; the new transaction follows it. The expected result
/// ("the profile sent by the Central System is followed by the Charge Point") is checked on the transaction's
/// meter values: the draw stays within the profile's limit (OCPP 1.6 §3.13), for which the case makes sure the
/// station samples the measurand of the limit's unit.
/// </summary>
public sealed class TC_059_CS : LabCase
{
    private const int ProfileId = 5901;

    public override CaseInfo Info { get; } = new("TC_059_CS", "Remote Start Transaction with Charging Profile", "Smart Charging", "OCTT 1.6 §2.22.5")
    {
        Requirements = ["OCPP 1.6 §5.11 RemoteStartTransaction", "OCPP 1.6 §5.16.2", "OCPP 1.6 §5.7 GetCompositeSchedule"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        try
        {
            var unit = await ChargingProfiles.UnitAsync(t).ConfigureAwait(false);
            await ChargingProfiles.MeasuredAsync(t, keys, unit, "before").ConfigureAwait(false);
            var profile = ChargingProfiles.Absolute(t, ProfileId, ChargingProfilePurposeType.TxProfile, ChargingProfiles.StackLevel, unit, ChargingProfiles.Start(t), ChargingProfiles.Duration, (0, 6));
            var transactionId = await Charging.RemoteStartAsync(t, t.Connector, t.Model.IdTag, profile).ConfigureAwait(false);
            var started = t.Time.GetUtcNow();
            await ChargingProfiles.CompositeAsync(t, "2", t.Connector, ChargingProfiles.Duration, unit, [(t.Connector, profile)], inTransaction: true).ConfigureAwait(false);
            await ChargingProfiles.FollowedAsync(t, "result", t.Connector, transactionId, unit, ChargingProfiles.Limit(unit, 6), started, $"the TxProfile {ProfileId}").ConfigureAwait(false);
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, ProfileId).ConfigureAwait(false);
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
