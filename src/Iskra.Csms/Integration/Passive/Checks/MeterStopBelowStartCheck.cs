using System.Globalization;
using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// A transaction's final register below its start: 1.6 StopTransaction.meterStop below
/// StartTransaction.meterStart (§6.45, §6.47, both the register in Wh); 2.0.1 the register of the Ended
/// event (Transaction.End) below the transaction's first one (J02). Needs the start on the same connection.
/// </summary>
internal static class MeterStopBelowStartCheck
{
    public const string Id = "passive/meter-stop-below-start";

    public static Finding Build(OcppVersion version, string transactionId, double startWh, double stopWh, EvidenceFrame frame)
    {
        var v16 = version == OcppVersion.V16;
        return new Finding(
            v16 ? "OCPP 1.6 §6.45 StartTransaction.req meterStart, §6.47 StopTransaction.req meterStop" : "OCPP 2.0.1 E06, J02 (Energy.Active.Import.Register at Transaction.Begin and Transaction.End)",
            v16 ? "meterStop ≥ meterStart: both are the same register in Wh" : "the register of the Ended event ≥ the transaction's first register",
            string.Create(CultureInfo.InvariantCulture, $"transaction {transactionId}: {(v16 ? "meterStop" : "final register")} {stopWh:0.###} Wh below its start {startWh:0.###} Wh"),
            "Take the start and the stop value from the same meter register; after a meter replacement or reset during a session end the transaction (or report it) rather than sending a stop value below the start.",
            [frame])
        {
            Check = Id,
        };
    }
}
