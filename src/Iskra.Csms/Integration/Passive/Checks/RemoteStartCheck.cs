using System.Globalization;
using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// An Accepted RemoteStartTransaction (1.6 §5.11) / RequestStartTransaction (2.0.1 F01) followed by no
/// StartTransaction / TransactionEvent within <see cref="PassiveOptions.RemoteStartTimeout"/> (the
/// station's ConnectionTimeOut, 1.6 §9.1.8 / 2.0.1 EVConnectionTimeOut, plus a margin), while its
/// connector (EVSE) is not Available by its last StatusNotification: an Available one had no EV to start for.
/// </summary>
internal static class RemoteStartCheck
{
    public const string Id = "passive/no-transaction-after-remote-start";

    public static Finding Build(OcppVersion version, TimeSpan timeout, IReadOnlyList<EvidenceFrame> frames)
    {
        var v16 = version == OcppVersion.V16;
        return new Finding(
            v16 ? "OCPP 1.6 §5.11 RemoteStartTransaction, §9.1.8 ConnectionTimeOut" : "OCPP 2.0.1 F01 RequestStartTransaction, E03 EVConnectionTimeOut",
            v16 ? "after an Accepted remote start, a StartTransaction (or the connector back to Available when no EV connects in time)" : "after an Accepted remote start, a TransactionEvent for it (or the EVSE back to Available when no EV connects in time)",
            string.Create(CultureInfo.InvariantCulture, $"{(v16 ? "RemoteStartTransaction" : "RequestStartTransaction")} was Accepted and no transaction followed within {timeout.TotalSeconds:0.#} s"),
            "Answer Accepted only when the start will be attempted; then start the transaction when the EV is connected, or report the timeout; answer Rejected when the connector cannot start.",
            frames)
        {
            Check = Id,
        };
    }
}
