using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 4: identification first, then the cable; the transaction starts.</summary>
public sealed class TC_004_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_004_1_CS", "Regular Charging Session – Identification First", "Core", "OCTT 1.6 §2.2.2")
    {
        Requirements = ["OCPP 1.6 §4.1 Authorize", "OCPP 1.6 §4.8 StartTransaction"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Charging.AuthorizedAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
        await t.ManualAsync(ManualAction.PlugIn(t.Connector)).ConfigureAwait(false);
        await Charging.StartedAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
    }
}
