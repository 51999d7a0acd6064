using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 14: the Central System starts remotely, then the cable is plugged in and the transaction starts.</summary>
public sealed class TC_011_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_011_1_CS", "Remote Start Charging Session – Remote Start First", "Core", "OCTT 1.6 §2.5.2")
    {
        Requirements = ["OCPP 1.6 §5.11 RemoteStartTransaction", "OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests", "OCPP 1.6 §4.8 StartTransaction", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Preparing.ByRemoteStartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
        await t.ManualAsync(ManualAction.PlugIn(t.Connector)).ConfigureAwait(false);
        await Charging.StartedAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
    }
}
