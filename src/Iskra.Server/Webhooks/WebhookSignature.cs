using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Iskra.Server.Webhooks;

/// <summary>
/// The signatures of a delivery, keyed with the webhook's secret (UTF-8), lowercase hex HMAC-SHA256:
/// <list type="bullet">
/// <item><c>X-Iskra-Signature-V2: sha256=…</c> of <c>{X-Iskra-Timestamp}.{body}</c> (the Unix seconds of the
/// attempt, a dot, then the exact body bytes). Receivers check it and refuse a timestamp older than a few
/// minutes and an <c>X-Iskra-Event-Id</c> already seen, so a captured delivery cannot be replayed.</item>
/// <item><c>X-Iskra-Signature: sha256=…</c> of the body alone, kept for receivers written before V2; it does not prevent replays.</item>
/// </list>
/// Receivers recompute and compare in constant time (docs/api.md).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Iskra-Signature";
    public const string TimestampedHeader = "X-Iskra-Signature-V2";
    public const string TimestampHeader = "X-Iskra-Timestamp";

    public static string Of(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>The V2 signature: of <c>{unixSeconds}.</c> followed by the body.</summary>
    public static string Timestamped(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return "sha256=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
