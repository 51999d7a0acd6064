namespace Iskra.Csms.Jobs;

/// <summary>How a <see cref="SupervisedJob"/> is doing: its last success and failure, and the failures since the last success.</summary>
public sealed record JobStatus(string Name, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, string? LastError, int ConsecutiveFailures);
