namespace Iskra.Csms.Tariffs;

/// <summary>
/// A stretch of a session priced under the same tariff elements (OCPI 2.2.1 ChargingPeriod): from
/// <see cref="Start"/> until the next period's start or the session's end. <see cref="EnergyElement"/>,
/// <see cref="TimeElement"/> and <see cref="ParkingElement"/> are the elements that priced each dimension
/// there (-1 when none did).
/// </summary>
public sealed record CostPeriod(
    DateTimeOffset Start,
    decimal EnergyKwh,
    decimal ChargingHours,
    decimal ParkingHours,
    int EnergyElement,
    int TimeElement,
    int ParkingElement);
