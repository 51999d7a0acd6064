namespace Iskra.Csms.Storage;

/// <summary>The last commit of the <see cref="StorageWriter"/> that failed: why, and when.</summary>
internal sealed record WriterFailure(string Message, DateTimeOffset At);
