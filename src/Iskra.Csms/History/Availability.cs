namespace Iskra.Csms.History;

/// <summary>
/// Uptime over a period: <see cref="Measured"/> is the period less the time whose state Iskra does not know, of which the
/// connector (or station) could charge for <see cref="Available"/>; <see cref="Outages"/> are the rest.
/// </summary>
public sealed record Availability(TimeSpan Measured, TimeSpan Available, IReadOnlyList<Outage> Outages)
{
    /// <summary>Available as a percentage of measured, to two decimals; null when nothing was measured.</summary>
    public double? UptimePercent => Measured > TimeSpan.Zero ? Math.Round(100.0 * Available.Ticks / Measured.Ticks, 2) : null;
}
