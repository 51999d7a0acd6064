using Iskra.Csms.Files;
using Iskra.Csms.Firmware;

namespace Iskra.Server.Api;

/// <summary>A firmware image of the repository; <c>url</c> is the download URL handed to stations (null when Iskra has no public base URL).</summary>
public sealed record FirmwareImageView(long Id, string Name, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, string? Url)
{
    public static FirmwareImageView From(FirmwareImage image, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(image);
        var url = baseUrl is null ? null : FileLinks.Firmware(baseUrl, image.Id, image.Token, image.Name);
        return new(image.Id, image.Name, image.Size, image.Sha256, image.UploadedBy, image.UploadedAt, url);
    }
}
