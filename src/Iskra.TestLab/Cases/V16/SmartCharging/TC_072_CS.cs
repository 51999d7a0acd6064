using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>OCTT 1.6 Table 84: two TxDefaultProfiles on stack levels 0 and 1 stack into one composite schedule.</summary>
public sealed class TC_072_CS : LabCase
{
    private static readonly int[] Ids = [7201, 7202];

    public override CaseInfo Info { get; } = new("TC_072_CS", "Stacking Charging Profiles", "Smart Charging", "OCTT 1.6 §2.22.4")
    {
        Requirements = ["OCPP 1.6 §3.13.2 Stacking charging profiles", "OCPP 1.6 §5.7 GetCompositeSchedule"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            var unit = await ChargingProfiles.UnitAsync(t).ConfigureAwait(false);
            var start = ChargingProfiles.Start(t);
            var base0 = ChargingProfiles.Absolute(t, Ids[0], ChargingProfilePurposeType.TxDefaultProfile, 0, unit, start, 400, (0, 6), (100, 8), (200, 10)) with { ValidFrom = start, ValidTo = start.AddSeconds(401) };
            var over1 = ChargingProfiles.Absolute(t, Ids[1], ChargingProfilePurposeType.TxDefaultProfile, 1, unit, start, 150, (0, 7), (100, 9)) with { ValidFrom = start, ValidTo = start.AddSeconds(401) };
            await ChargingProfiles.SetAsync(t, t.Connector, base0, "memory-1").ConfigureAwait(false);
            await ChargingProfiles.SetAsync(t, t.Connector, over1, "memory-2").ConfigureAwait(false);
            await ChargingProfiles.CompositeAsync(t, "1", t.Connector, 350, unit, [(t.Connector, base0), (t.Connector, over1)], inTransaction: false).ConfigureAwait(false);
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, Ids).ConfigureAwait(false);
        }
    }
}
