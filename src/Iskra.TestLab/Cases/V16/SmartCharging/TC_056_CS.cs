using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>OCTT 1.6 Table 77: a TxDefaultProfile for new transactions is accepted and shows in the composite schedule.</summary>
public sealed class TC_056_CS : LabCase
{
    private const int ProfileId = 5601;

    public override CaseInfo Info { get; } = new("TC_056_CS", "Central Smart Charging - TxDefaultProfile", "Smart Charging", "OCTT 1.6 §2.22.1")
    {
        Requirements = ["OCPP 1.6 §3.13 Smart Charging", "OCPP 1.6 §5.16 SetChargingProfile", "OCPP 1.6 §5.7 GetCompositeSchedule"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            await CentralSmartCharging.TxDefaultAsync(t, ProfileId, inTransaction: false).ConfigureAwait(false);
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, ProfileId).ConfigureAwait(false);
        }
    }
}

/// <summary>The steps TC_056_CS and TC_082_CS share: a TxDefaultProfile (limit 6 A or 6000 W), then the composite schedule.</summary>
internal static class CentralSmartCharging
{
    public static async Task TxDefaultAsync(CaseContext t, int profileId, bool inTransaction)
    {
        var unit = await ChargingProfiles.UnitAsync(t).ConfigureAwait(false);
        var profile = ChargingProfiles.Absolute(t, profileId, ChargingProfilePurposeType.TxDefaultProfile, ChargingProfiles.StackLevel, unit, ChargingProfiles.Start(t), ChargingProfiles.Duration, (0, 6));
        await ChargingProfiles.SetAsync(t, t.Connector, profile, "1").ConfigureAwait(false);
        await ChargingProfiles.CompositeAsync(t, "3", t.Connector, ChargingProfiles.Duration, unit, [(t.Connector, profile)], inTransaction).ConfigureAwait(false);
    }
}
