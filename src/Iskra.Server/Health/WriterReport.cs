namespace Iskra.Server.Health;

/// <summary>The storage writer in <c>GET /health</c>: work waiting, the oldest wait, the last commit and the last failed commit.</summary>
public sealed record WriterReport(
    string Status,
    int QueueDepth,
    double OldestWaitSeconds,
    DateTimeOffset? LastCommitAt,
    string? LastCommitError,
    DateTimeOffset? LastCommitErrorAt);
