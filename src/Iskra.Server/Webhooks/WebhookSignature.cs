using System.Security.Cryptography;
using System.Text;

namespace Iskra.Server.Webhooks;

/// <summary>
/// The <c>X-Iskra-Signature</c> header: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact
/// body bytes, keyed with the webhook's secret (UTF-8). Receivers recompute it and compare in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Iskra-Signature";

    public static string Of(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
