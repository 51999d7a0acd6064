namespace Iskra.TestLab.Runner;

/// <summary>The API spellings of verdicts and run statuses.</summary>
public static class Verdicts
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string NotApplicable = "notApplicable";
    public const string Pending = "pending";

    public const string Queued = "queued";
    public const string Running = "running";
    public const string Waiting = "waiting";
    public const string Cancelled = "cancelled";
    public const string Interrupted = "interrupted";

    /// <summary>True for a status that no longer changes.</summary>
    public static bool IsFinal(string status) => status is Passed or Failed or Cancelled or Interrupted;
}
