namespace Iskra.Csms.Tariffs;

/// <summary>
/// What a session's price is computed from: its times, the start and stop registers the station reported,
/// every energy register reading (Wh, as stored, in any order, repeats included) and every active power
/// reading (W). <see cref="EndedAt"/> is the stop, or now for a running session.
/// </summary>
public sealed record PricingInput(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    decimal? MeterStartWh,
    decimal? MeterStopWh,
    IReadOnlyList<MeterPoint> EnergyWh,
    IReadOnlyList<MeterPoint> PowerW,
    bool Final);
