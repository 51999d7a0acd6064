namespace Iskra.Csms.Tariffs;

/// <summary>
/// The price of a session: <see cref="Amount"/> is what the driver pays (including VAT), rounded to the
/// currency's minor unit; <see cref="Breakdown"/> shows how it came about. <see cref="Final"/> once the session
/// has ended; <see cref="Flags"/> (<see cref="CostFlags"/>) name meter data that was not trusted, and a flagged
/// session needs review before it is billed.
/// </summary>
public sealed record SessionCost(
    decimal Amount,
    decimal AmountExclVat,
    decimal Vat,
    string Currency,
    decimal BilledEnergyWh,
    IReadOnlyList<CostLine> Breakdown,
    bool Final,
    IReadOnlyList<string> Flags);
