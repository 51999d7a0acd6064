namespace Iskra.Csms.Diagnostics;

/// <summary>A file a station uploaded to an upload URL of Iskra, linked to its <see cref="UploadRequest"/>.</summary>
public sealed class StationFile
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public long UploadRequestId { get; set; }

    public UploadRequest? UploadRequest { get; set; }

    /// <summary>The name the station gave, sanitized (<see cref="Files.FileNames"/>); shown and offered as the download name only.</summary>
    public required string FileName { get; set; }

    /// <summary>The generated name under the files folder.</summary>
    public required string StoredName { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
