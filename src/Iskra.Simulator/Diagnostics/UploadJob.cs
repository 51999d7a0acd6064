namespace Iskra.Simulator.Diagnostics;

/// <summary>
/// One log upload as the CSMS asked for it: 1.6 GetDiagnostics (no <see cref="RequestId"/>), or GetLog
/// of the 1.6 security extension / 2.0.1 (<see cref="LogType"/> DiagnosticsLog or SecurityLog).
/// </summary>
internal sealed record UploadJob(
    string Location,
    string FileName,
    DateTimeOffset? Oldest,
    DateTimeOffset? Latest,
    int? Retries,
    int? RetryIntervalSeconds,
    int? RequestId = null,
    string LogType = "DiagnosticsLog")
{
    /// <summary>GetLog (LogStatusNotification with requestId) rather than 1.6 GetDiagnostics (DiagnosticsStatusNotification).</summary>
    public bool IsGetLog => RequestId is not null;

    public int Attempts => Math.Max(1, Retries ?? 1);

    public TimeSpan RetryInterval => TimeSpan.FromSeconds(Math.Max(0, RetryIntervalSeconds ?? 1));
}
