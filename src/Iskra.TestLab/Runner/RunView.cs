namespace Iskra.TestLab.Runner;

/// <summary>A run as the API and the reports show it (SPEC §2.2 test-lab rows).</summary>
public sealed record RunView
{
    public required string Id { get; init; }

    public required string StationId { get; init; }

    public required string Suite { get; init; }

    /// <summary><c>lab</c> for a lab run; <c>field</c> for a report of the passive findings on live traffic.</summary>
    public string Kind { get; init; } = RunKinds.Lab;

    /// <summary><c>queued, running, waiting, passed, failed, cancelled, interrupted</c>.</summary>
    public required string Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public StationView? Station { get; init; }

    public Declared? Declared { get; init; }

    public required SummaryView Summary { get; init; }

    public IReadOnlyList<ProfileView> Profiles { get; init; } = [];

    /// <summary>Whether the model is ready for integration under the operator's policy, and why not.</summary>
    public bool ReadyForIntegration { get; init; }

    public string? Readiness { get; init; }

    public IReadOnlyList<CaseView> Cases { get; init; } = [];

    public PromptView? Prompt { get; init; }
}

/// <summary>The station as it identified itself (BootNotification).</summary>
public sealed record StationView(string? Vendor, string? Model, string? FirmwareVersion, string? SerialNumber, string OcppVersion);

public sealed record SummaryView(int Passed, int Failed, int Skipped, int NotApplicable, int Pending);

public sealed record ProfileView(string Profile, int Passed, int Failed, int Skipped, int NotApplicable, int Pending);

/// <summary>One case of a run: <c>verdict</c> is <c>passed, failed, skipped, notApplicable, pending</c>.</summary>
public sealed record CaseView
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Profile { get; init; }

    public string? Section { get; init; }

    public required string Verdict { get; init; }

    /// <summary>Why it was skipped or does not apply.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public double? Seconds { get; init; }

    public IReadOnlyList<FindingView> Findings { get; init; } = [];
}

/// <summary>A finding: requirement, expected, observed, the fix for the manufacturer, and the frames that prove it.</summary>
public sealed record FindingView(string? Check, string Requirement, string Expected, string Observed, string Fix, IReadOnlyList<FrameView> Frames);

/// <summary>One frame of evidence: <c>from</c> is <c>station</c> or <c>csms</c>.</summary>
public sealed record FrameView(DateTimeOffset At, string From, string Frame);

/// <summary>What a <see cref="RunView"/> reports on.</summary>
public static class RunKinds
{
    public const string Lab = "lab";
    public const string Field = "field";
}
