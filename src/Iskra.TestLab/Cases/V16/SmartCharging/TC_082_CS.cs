using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>OCTT 1.6 Table 81: a TxDefaultProfile set while a transaction runs applies to it.</summary>
public sealed class TC_082_CS : LabCase
{
    private const int ProfileId = 8201;

    public override CaseInfo Info { get; } = new("TC_082_CS", "Central Smart Charging - TxDefaultProfile - with ongoing transaction", "Smart Charging", "OCTT 1.6 §2.22.1")
    {
        Requirements = ["OCPP 1.6 §3.13 Smart Charging", "OCPP 1.6 §5.16 SetChargingProfile", "OCPP 1.6 §5.7 GetCompositeSchedule"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            await Charging.RemoteStartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
            await CentralSmartCharging.TxDefaultAsync(t, ProfileId, inTransaction: true).ConfigureAwait(false);
        }
        finally
        {
            await ChargingProfiles.ClearAsync(t, ProfileId).ConfigureAwait(false);
        }
    }
}
