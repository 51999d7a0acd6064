using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>OCTT 1.6 Table 82: a ChargePointMaxProfile, a TxDefaultProfile and a TxProfile combine into one composite schedule.</summary>
public sealed class TC_066_CS : LabCase
{
    private static readonly int[] Ids = [6601, 6602, 6603];

    public override CaseInfo Info { get; } = new("TC_066_CS", "Get Composite Schedule", "Smart Charging", "OCTT 1.6 §2.22.2")
    {
        Requirements = ["OCPP 1.6 §3.13.1", "OCPP 1.6 §3.13.3 Combining charging profile purposes", "OCPP 1.6 §5.7 GetCompositeSchedule"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            await Prerequisites.AtLeastAsync(t, "MaxChargingProfilesInstalled", 3).ConfigureAwait(false);
            await Prerequisites.AtLeastAsync(t, "ChargingScheduleMaxPeriods", 5).ConfigureAwait(false);
            var transactionId = await Charging.RemoteStartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
            var unit = await ChargingProfiles.UnitAsync(t).ConfigureAwait(false);
            var start = ChargingProfiles.Start(t);
            var max = ChargingProfiles.Absolute(t, Ids[0], ChargingProfilePurposeType.ChargePointMaxProfile, 0, unit, start, 86400, (0, 10));
            var txDefault = ChargingProfiles.Absolute(t, Ids[1], ChargingProfilePurposeType.TxDefaultProfile, 0, unit, start, 300, (0, 6), (60, 10), (120, 8), (180, 15), (260, 8)) with { ValidFrom = start, ValidTo = start.AddSeconds(401) };
            var tx = ChargingProfiles.Absolute(t, Ids[2], ChargingProfilePurposeType.TxProfile, 0, unit, start, 260, (0, 8), (50, 11), (140, 16), (200, 6), (240, 12)) with { ValidFrom = start, ValidTo = start.AddSeconds(401), TransactionId = transactionId };
            await ChargingProfiles.SetAsync(t, 0, max, "memory-1").ConfigureAwait(false);
            await ChargingProfiles.SetAsync(t, t.Connector, txDefault, "memory-2").ConfigureAwait(false);
            await ChargingProfiles.SetAsync(t, t.Connector, tx, "memory-3").ConfigureAwait(false);
            await ChargingProfiles.CompositeAsync(t, "1", t.Connector, 400, unit, [(0, max), (t.Connector, txDefault), (t.Connector, tx)], inTransaction: true).ConfigureAwait(false);
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, Ids).ConfigureAwait(false);
        }
    }
}
