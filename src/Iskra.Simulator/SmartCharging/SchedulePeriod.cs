namespace Iskra.Simulator.SmartCharging;

/// <summary>One period of a schedule: from <paramref name="StartPeriod"/> seconds after the schedule's start, the limit in its unit.</summary>
public sealed record SchedulePeriod(int StartPeriod, double Limit, int? NumberPhases = null);
