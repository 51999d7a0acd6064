using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 5: identification first, no cable; after ConnectionTimeOut the connector is Available again.</summary>
public sealed class TC_004_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_004_2_CS", "Regular Charging Session – Identification First - ConnectionTimeOut", "Core", "OCTT 1.6 §2.2.3")
    {
        Requirements = ["OCPP 1.6 §4.1 Authorize", "OCPP 1.6 §9.1.6 ConnectionTimeOut", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var timeout = t.Settings.ConnectionTimeOut;
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "ConnectionTimeOut", KeySettings.Value(timeout), "before").ConfigureAwait(false);
            await Preparing.ByCardAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
            await Preparing.TimesOutAsync(t, t.Connector, "2", timeout).ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
