namespace Iskra.Csms.Storage;

/// <summary>
/// A snapshot of the <see cref="StorageWriter"/>: work waiting, how long the oldest has waited, the last
/// commit, the last failed commit (a batch that had to be retried) and whether it failed after the last commit.
/// </summary>
public sealed record WriterHealth(
    int QueueDepth,
    TimeSpan OldestWait,
    DateTimeOffset? LastCommitAt,
    string? LastCommitError,
    DateTimeOffset? LastCommitErrorAt,
    bool Failing);
