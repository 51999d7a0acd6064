namespace Iskra.Csms.Firmware;

/// <summary>A firmware image in Iskra's repository, downloadable by stations at its URL with <see cref="Token"/>.</summary>
public sealed class FirmwareImage
{
    public long Id { get; set; }

    /// <summary>The name the operator gave, sanitized; the last segment of the download URL.</summary>
    public required string Name { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the image, lowercase hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>32 random bytes, base64url: the download URL cannot be guessed from the id.</summary>
    public required string Token { get; set; }

    /// <summary>The generated name under the files folder.</summary>
    public required string StoredName { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
