using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 15: a remote start without a cable; after ConnectionTimeOut the connector is Available again.</summary>
public sealed class TC_011_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_011_2_CS", "Remote Start Charging Session – Time Out", "Core", "OCTT 1.6 §2.5.3")
    {
        Requirements = ["OCPP 1.6 §5.11 RemoteStartTransaction", "OCPP 1.6 §9.1.6 ConnectionTimeOut", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var timeout = t.Settings.ConnectionTimeOut;
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "ConnectionTimeOut", KeySettings.Value(timeout), "before").ConfigureAwait(false);
            await Preparing.ByRemoteStartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
            await Preparing.TimesOutAsync(t, t.Connector, "9", timeout).ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
