using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 29: the Central System answers Authorize Invalid; no transaction may start.</summary>
public sealed class TC_023_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_023_CS", "Start Charging Session – Authorize invalid", "Core", "OCTT 1.6 §2.10.1")
    {
        Requirements = ["OCPP 1.6 §4.1 Authorize", "OCPP 1.6 §3.5.1"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        t.Answers.Script(V16Calls.Authorize, _ => new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid } });
        await Charging.EvConnectedAsync(t, t.Connector).ConfigureAwait(false);
        await Charging.AuthorizedAsync(t, t.Connector, t.Model.OtherIdTag).ConfigureAwait(false);
        await t.ExpectNoneAsync(V16Calls.StartTransaction, "4", t.Settings.QuietPeriod, null,
            "The Charge Point does NOT start a transaction after Authorize.conf Invalid", "Do not start a transaction for an identifier the Central System answered Invalid (OCPP 1.6 §4.1).", "OCPP 1.6 §4.1").ConfigureAwait(false);
    }
}
