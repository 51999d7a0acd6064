namespace Iskra.Csms.Diagnostics;

/// <summary>
/// One request to a station to upload a file (1.6 GetDiagnostics, 2.0.1 GetLog): where it was told to
/// upload, the token of Iskra's own upload URL, and the latest status the station gave.
/// </summary>
public sealed class UploadRequest
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    /// <summary><c>diagnostics</c> (1.6 GetDiagnostics) or <c>log</c> (2.0.1 GetLog).</summary>
    public required string Kind { get; set; }

    /// <summary>2.0.1 GetLog logType: DiagnosticsLog or SecurityLog.</summary>
    public string? LogType { get; set; }

    /// <summary>The OCPP requestId (2.0.1); null for 1.6, whose GetDiagnostics has none.</summary>
    public int? RequestId { get; set; }

    /// <summary>The token of Iskra's upload URL; null when the operator gave a location of their own.</summary>
    public string? Token { get; set; }

    public required string Location { get; set; }

    /// <summary>
    /// <c>Sent</c>, then the station's answer (Accepted, Rejected, AcceptedCanceled, or NoFile for a 1.6
    /// answer without a file name), then its status notifications (Uploading, Uploaded, UploadFailed, ...);
    /// <c>Failed</c> or <c>NoAnswer</c> when the call got no answer (<see cref="Failure"/>).
    /// </summary>
    public required string Status { get; set; }

    /// <summary>Why the call got no answer: <c>CallError:&lt;code&gt;</c>, <c>Timeout</c>, <c>NotConnected</c> or <c>Cancelled</c>; null when the station answered.</summary>
    public string? Failure { get; set; }

    /// <summary>The file name the station announced in its answer.</summary>
    public string? FileName { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
