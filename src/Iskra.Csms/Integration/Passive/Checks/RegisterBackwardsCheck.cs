using System.Globalization;
using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// Energy.Active.Import.Register is a register: within a transaction it never decreases (1.6 §7.31
/// Measurand; 2.0.1 Part 2 Appendix measurands). A reading more than <see cref="PassiveOptions.RegisterTolerance"/>
/// below the previous one of the same transaction is a finding.
/// </summary>
internal static class RegisterBackwardsCheck
{
    public const string Id = "passive/register-backwards";

    public static bool Applies(double previousWh, double wh, PassiveOptions options) => wh < previousWh - options.RegisterTolerance;

    public static Finding Build(OcppVersion version, string transactionId, double previousWh, double wh, EvidenceFrame frame) =>
        new(
            version == OcppVersion.V16 ? "OCPP 1.6 §7.31 Measurand Energy.Active.Import.Register" : "OCPP 2.0.1 Part 2 Appendix: Measurand Energy.Active.Import.Register",
            "Energy.Active.Import.Register never decreases within a transaction",
            string.Create(CultureInfo.InvariantCulture, $"transaction {transactionId}: the register read {wh:0.###} Wh after {previousWh:0.###} Wh"),
            "Report the meter's lifetime register as read, never an averaged, rounded-down or stale value; read the meter again when the bus returns an error instead of sending an older reading.",
            [frame])
        {
            Check = Id,
        };
}
