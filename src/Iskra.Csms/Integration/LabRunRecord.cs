namespace Iskra.Csms.Integration;

/// <summary>A test-lab run as stored: its identity and status for listing, and its whole view (cases, findings) as JSON.</summary>
public sealed class LabRunRecord
{
    public required string Id { get; set; }

    public required string StationId { get; set; }

    public required string Suite { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Vendor { get; set; }

    public string? Model { get; set; }

    public string? FirmwareVersion { get; set; }

    /// <summary>The run's view (RunView of Iskra.TestLab) as JSON, rewritten after each case.</summary>
    public required string View { get; set; }
}
