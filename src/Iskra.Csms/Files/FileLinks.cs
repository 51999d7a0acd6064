using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Files;

/// <summary>
/// The public URLs of files for stations, and their tokens: 32 random bytes, base64url, so a URL
/// cannot be guessed. The base is <see cref="FilesOptions.PublicBaseUrl"/>, else the address the server listens on.
/// </summary>
public sealed class FileLinks(IOptions<FilesOptions> options, IServerBaseUrl? listen = null)
{
    public const string UploadsPath = "/files/uploads/";
    public const string FirmwarePath = "/files/firmware/";

    /// <summary>Why a command that hands a station an Iskra URL is refused when <see cref="BaseUrl"/> is null.</summary>
    public const string NoBaseUrl = "Iskra has no address stations can reach: it listens only on a wildcard address. Set Files:PublicBaseUrl (e.g. https://csms.example.com), or give a location of your own.";

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The base URL stations reach Iskra at, without a trailing slash; null when none is configured and the server listens only on a wildcard address.</summary>
    public string? BaseUrl()
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        return listen?.Current?.ToString().TrimEnd('/');
    }

    /// <summary>The folder URL a station uploads a diagnostics or log file to (OCPP 1.6 GetDiagnostics.location is a directory).</summary>
    public static string Upload(string baseUrl, string token) => baseUrl + UploadsPath + token + "/";

    /// <summary>The URL a station downloads a firmware image from.</summary>
    public static string Firmware(string baseUrl, long id, string token, string name) =>
        $"{baseUrl}{FirmwarePath}{id}/{token}/{Uri.EscapeDataString(name)}";
}
