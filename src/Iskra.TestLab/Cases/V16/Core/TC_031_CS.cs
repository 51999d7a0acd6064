using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 35: UnlockConnector for a connector the station does not have is NotSupported.</summary>
public sealed class TC_031_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_031_CS", "Unlock Connector – Unknown Connector", "Core", "OCTT 1.6 §2.12.2")
    {
        Requirements = ["OCPP 1.6 §5.18 UnlockConnector", "OCPP 1.6 §3.8 Connector numbering"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var unknown = t.Model.Connectors + 1; // §3.8: connector ids never exceed the number of connectors
        var answer = await t.SendAsync(V16Calls.UnlockConnector, new UnlockConnectorRequest { ConnectorId = unknown }, "1").ConfigureAwait(false);
        t.Check(answer.Status == UnlockStatus.NotSupported, "2", $"UnlockConnector.conf status is NotSupported for connector {unknown}, which the Charge Point does not have",
            $"status is {answer.Status}", $"Answer NotSupported to an UnlockConnector.req whose connectorId is not one of the Charge Point's connectors (1 to {t.Model.Connectors}; OCPP 1.6 §5.18, §3.8).",
            requirement: "OCPP 1.6 §5.18");
    }
}
