namespace Iskra.Csms.Tariffs;

/// <summary>
/// One line of a session's cost: what a price component of one tariff element charged, excluding VAT.
/// <see cref="Component"/> is the OCPI dimension (ENERGY, TIME, PARKING_TIME, FLAT) or MIN_PRICE / MAX_PRICE
/// for the adjustment that brings the total to the tariff's bounds (then <see cref="Element"/> is -1).
/// </summary>
/// <param name="Quantity">Billed quantity after step sizes: kWh, hours or 1 (flat).</param>
/// <param name="Unit">kWh, h or session.</param>
/// <param name="Amount">Quantity × unit price, rounded to 4 decimals.</param>
public sealed record CostLine(string Component, int Element, decimal Quantity, string Unit, decimal UnitPrice, decimal Amount);
