using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Files;

/// <summary>
/// The public URLs of files for stations, and their tokens: 32 random bytes, base64url, so a URL
/// cannot be guessed. The base is <see cref="FilesOptions.PublicBaseUrl"/>, else the current request's.
/// </summary>
public sealed class FileLinks(IOptions<FilesOptions> options, IRequestBaseUrl? request = null)
{
    public const string UploadsPath = "/files/uploads/";
    public const string FirmwarePath = "/files/firmware/";

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The base URL stations reach Iskra at, without a trailing slash; null when none is configured and no request is being served.</summary>
    public string? BaseUrl()
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        return request?.Current?.ToString().TrimEnd('/');
    }

    /// <summary>The folder URL a station uploads a diagnostics or log file to (OCPP 1.6 GetDiagnostics.location is a directory).</summary>
    public static string Upload(string baseUrl, string token) => baseUrl + UploadsPath + token + "/";

    /// <summary>The URL a station downloads a firmware image from.</summary>
    public static string Firmware(string baseUrl, long id, string token, string name) =>
        $"{baseUrl}{FirmwarePath}{id}/{token}/{Uri.EscapeDataString(name)}";
}
