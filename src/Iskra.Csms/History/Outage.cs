namespace Iskra.Csms.History;

/// <summary>
/// A time the connector (or station) could not charge: from <see cref="Start"/> to <see cref="End"/> within the period,
/// with every cause in force during it in the order they appeared. <see cref="Ongoing"/> when it lasts to the period's end.
/// </summary>
public sealed record Outage(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Causes, bool Ongoing)
{
    public TimeSpan Duration => End - Start;
}
