namespace Iskra.Csms.Firmware;

/// <summary>One UpdateFirmware sent to a station, with the statuses it went through (<see cref="History"/>).</summary>
public sealed class FirmwareUpdate
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    /// <summary>The OCPP requestId (2.0.1); null for 1.6, whose UpdateFirmware has none.</summary>
    public int? RequestId { get; set; }

    /// <summary>The repository image whose URL was sent, if it was one.</summary>
    public long? FirmwareImageId { get; set; }

    public required string Location { get; set; }

    public DateTimeOffset RetrieveDate { get; set; }

    public DateTimeOffset? InstallDate { get; set; }

    /// <summary>
    /// <c>Sent</c>, the station's answer (1.6: Accepted), then its FirmwareStatusNotification statuses;
    /// <c>Failed</c> or <c>NoAnswer</c> when the call got no answer (<see cref="Failure"/>).
    /// </summary>
    public required string Status { get; set; }

    /// <summary>Why the call got no answer: <c>CallError:&lt;code&gt;</c>, <c>Timeout</c>, <c>NotConnected</c> or <c>Cancelled</c>; null when the station answered.</summary>
    public string? Failure { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<FirmwareUpdateStatus> History { get; set; } = [];
}
