using System.Buffers.Text;
using System.Text;

namespace Iskra.Server.Transport;

/// <summary>An HTTP Basic <c>Authorization</c> header (RFC 7617), as OCPP security profiles 1 and 2 use it.</summary>
public static class BasicCredentials
{
    /// <summary>Reads user and password; false when the header is absent or not well-formed Basic credentials.</summary>
    public static bool TryParse(string? authorization, out string user, out string password)
    {
        user = password = string.Empty;
        const string scheme = "Basic ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = authorization.AsSpan(scheme.Length).Trim();
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
        {
            return false;
        }

        // RFC 7617 §2.1: user-id and password are UTF-8 when the server asks for charset="UTF-8", as we do.
        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }
}
