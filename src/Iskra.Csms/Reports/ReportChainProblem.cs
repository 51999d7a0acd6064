namespace Iskra.Csms.Reports;

/// <summary>
/// The record of a 2.0.1 NotifyReport chain that broke B07/B08 (parts numbered from seqNo 0, tbc=true
/// until the last): it started after seqNo 0, or it never completed. Stored as a station notice.
/// </summary>
/// <param name="RequestId">The report's requestId.</param>
/// <param name="SeqNo">The first part seen (<see cref="StartedLate"/>) or the latest one (<see cref="Incomplete"/>).</param>
/// <param name="Reason"><c>superseded</c> by a report with another requestId, or <c>timeout</c>; null when it started late.</param>
public sealed record ReportChainProblem(int RequestId, int SeqNo, string? Reason)
{
    /// <summary>The notice action under which Iskra records the problem.</summary>
    public const string Action = "ReportChainProblem";

    /// <summary>Notice status: the first part seen had a seqNo above 0.</summary>
    public const string StartedLate = "StartedLate";

    /// <summary>Notice status: the part with tbc=false never came.</summary>
    public const string Incomplete = "Incomplete";
}
