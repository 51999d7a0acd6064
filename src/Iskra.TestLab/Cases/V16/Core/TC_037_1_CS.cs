using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 40: a transaction started offline with a valid id tag is reported after the connection returns.</summary>
public sealed class TC_037_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_037_1_CS", "Offline Start Transaction - Valid IdTag", "Core", "OCTT 1.6 §2.14.2")
    {
        Requirements = ["OCPP 1.6 §3.5 Local Authorization & Offline Behavior", "OCPP 1.6 §4.8 StartTransaction", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? OfflineStart.NotApplicableTo(model);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var before = await Offline.AuthorizationAsync(t, t.Model.IdTag).ConfigureAwait(false);
        try
        {
            await OfflineStart.StartAsync(t, t.Model.IdTag).ConfigureAwait(false);
            await Charging.ChargingStatusAsync(t, t.Connector).ConfigureAwait(false);
        }
        finally
        {
            await before.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
