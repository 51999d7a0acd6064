namespace Iskra.Csms.Tariffs;

/// <summary>
/// The price of a session: <see cref="Amount"/> is what the driver pays (including VAT), rounded to the
/// currency's minor unit; <see cref="Breakdown"/> shows how it came about and <see cref="Periods"/> when.
/// <see cref="Final"/> once the session has ended; <see cref="Flags"/> (<see cref="CostFlags"/>) name meter data
/// that was not trusted as sent, and a flagged session needs review before it is billed.
/// </summary>
/// <param name="BilledEnergyWh">The energy priced: trusted readings only.</param>
/// <param name="ChargingHours">Time with energy flowing, before step sizes.</param>
/// <param name="ParkingHours">Time connected without energy flowing, before step sizes.</param>
public sealed record SessionCost(
    decimal Amount,
    decimal AmountExclVat,
    decimal Vat,
    string Currency,
    decimal BilledEnergyWh,
    decimal ChargingHours,
    decimal ParkingHours,
    IReadOnlyList<CostLine> Breakdown,
    IReadOnlyList<CostPeriod> Periods,
    bool Final,
    IReadOnlyList<string> Flags);
