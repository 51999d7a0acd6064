namespace Iskra.Csms.Tariffs;

/// <summary>
/// A piece of a session within which no restriction can change: priced as a whole by the elements whose
/// restrictions hold at <see cref="Start"/>.
/// </summary>
/// <param name="Start">When the slice begins.</param>
/// <param name="Ticks">How long it lasts (100 ns ticks).</param>
/// <param name="EnergyWh">The energy delivered in it: its share of its meter interval's energy.</param>
/// <param name="SessionWhBefore">The session's trusted energy before <see cref="Start"/>.</param>
/// <param name="Charging">True for charging time (TIME), false for parking time (PARKING_TIME).</param>
/// <param name="IntervalWh">The energy of the meter interval the slice is cut from.</param>
/// <param name="IntervalTicks">The length of that meter interval; with <see cref="IntervalWh"/> its power.</param>
internal readonly record struct TimelineSlice(
    DateTimeOffset Start,
    long Ticks,
    decimal EnergyWh,
    decimal SessionWhBefore,
    bool Charging,
    decimal IntervalWh,
    long IntervalTicks)
{
    /// <summary>Whether the interval's power (Wh / h / 1000) is at least <paramref name="kw"/>; computed without division.</summary>
    public bool PowerAtLeast(decimal kw) => IntervalWh * (CostRounding.TicksPerHour / 1000) >= kw * IntervalTicks;
}
