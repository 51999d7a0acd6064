using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>OCTT 1.6 Table 83: profiles are cleared by id, by purpose and stack level, and all at once; the composite schedule follows.</summary>
public sealed class TC_067_CS : LabCase
{
    private static readonly int[] Ids = [6701, 6702, 6703];

    public override CaseInfo Info { get; } = new("TC_067_CS", "Clear Charging Profile", "Smart Charging", "OCTT 1.6 §2.22.3")
    {
        Requirements = ["OCPP 1.6 §5.5 ClearChargingProfile", "OCPP 1.6 §5.7 GetCompositeSchedule", "OCPP 1.6 §3.13"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            var unit = await ChargingProfiles.UnitAsync(t).ConfigureAwait(false);
            var start = ChargingProfiles.Start(t);
            var first = ChargingProfiles.Absolute(t, Ids[0], ChargingProfilePurposeType.TxDefaultProfile, 1, unit, start, 400, (0, 6), (60, 8), (200, 10));
            var second = ChargingProfiles.Absolute(t, Ids[1], ChargingProfilePurposeType.TxDefaultProfile, 0, unit, start, 400, (0, 7), (100, 9)) with { ValidFrom = start, ValidTo = start.AddSeconds(401) };
            var max = ChargingProfiles.Absolute(t, Ids[2], ChargingProfilePurposeType.ChargePointMaxProfile, 0, unit, start, 86400, (0, 11), (200, 12)) with { ValidFrom = start, ValidTo = start.AddSeconds(401) };
            await ChargingProfiles.SetAsync(t, t.Connector, first, "memory-1").ConfigureAwait(false);
            await ChargingProfiles.SetAsync(t, t.Connector, second, "memory-2").ConfigureAwait(false);
            await ChargingProfiles.SetAsync(t, 0, max, "memory-3").ConfigureAwait(false);

            await ClearAsync(t, "1", new ClearChargingProfileRequest { Id = first.ChargingProfileId }, $"id {first.ChargingProfileId}").ConfigureAwait(false);
            await ChargingProfiles.CompositeAsync(t, "3", t.Connector, 350, unit, [(t.Connector, second), (0, max)], inTransaction: false).ConfigureAwait(false);

            await ClearAsync(t, "5", new ClearChargingProfileRequest { ChargingProfilePurpose = second.ChargingProfilePurpose, StackLevel = second.StackLevel },
                $"chargingProfilePurpose {second.ChargingProfilePurpose} and stackLevel {second.StackLevel}").ConfigureAwait(false);
            await ChargingProfiles.CompositeAsync(t, "7", t.Connector, 350, unit, [(0, max)], inTransaction: false).ConfigureAwait(false);

            await ClearAsync(t, "9", new ClearChargingProfileRequest(), "no criteria (all profiles)").ConfigureAwait(false);
            await ChargingProfiles.CompositeAsync(t, "11", t.Connector, 350, unit, [], inTransaction: false).ConfigureAwait(false);
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, Ids).ConfigureAwait(false);
        }
    }

    private static async Task ClearAsync(CaseContext t, string step, ClearChargingProfileRequest request, string criteria)
    {
        var answer = await t.SendAsync(V16Calls.ClearChargingProfile, request, step, "OCPP 1.6 §5.5 ClearChargingProfile").ConfigureAwait(false);
        var answered = (int.Parse(step, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        t.Require(answer.Status == ClearChargingProfileStatus.Accepted, answered, $"ClearChargingProfile.conf status is Accepted for the profiles matching {criteria}", $"status is {answer.Status}",
            "Clear the installed profiles that match every criterion given (by id alone when the id is given) and answer Accepted when any was cleared (OCPP 1.6 §5.5).",
            requirement: "OCPP 1.6 §5.5 ClearChargingProfile");
    }
}
