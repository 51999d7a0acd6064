namespace Iskra.Simulator.Protocol;

/// <summary>The CSMS's answer to a BootNotification: Accepted, Pending or Rejected, the interval and its time.</summary>
public sealed record BootAnswer(string Status, int IntervalSeconds, DateTimeOffset? CurrentTime);
