using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 3: plug in, present identification, the transaction starts.</summary>
public sealed class TC_003_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_003_CS", "Regular Charging Session - Plugin First", "Core", "OCTT 1.6 §2.2.1")
    {
        Requirements = ["OCPP 1.6 §4.1 Authorize", "OCPP 1.6 §4.8 StartTransaction", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Charging.StartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
    }
}
