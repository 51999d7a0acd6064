namespace Iskra.Simulator.SmartCharging;

/// <summary>One period of a composite schedule: from <paramref name="StartPeriod"/> seconds after its start, the limit in W.</summary>
public sealed record CompositePeriod(int StartPeriod, double LimitW);
