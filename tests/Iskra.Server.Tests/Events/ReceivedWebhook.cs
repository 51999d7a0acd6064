using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Iskra.Server.Tests.Events;

/// <summary>One POST a <see cref="WebhookReceiver"/> got: headers, the exact body bytes, and whether it was failed on purpose.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool FailedOnPurpose)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? EventType => Headers.GetValueOrDefault("X-Iskra-Event");

    /// <summary>Recomputes the HMAC the way a receiver would and compares it in constant time.</summary>
    public bool SignedWith(string secret) =>
        Headers.GetValueOrDefault("X-Iskra-Signature") is { } header && header.StartsWith("sha256=", StringComparison.Ordinal)
        && CryptographicOperations.FixedTimeEquals(
            Convert.FromHexString(header["sha256=".Length..]),
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body));

    /// <summary>The V2 check a receiver makes: HMAC of <c>{X-Iskra-Timestamp}.{body}</c>, and the timestamp within five minutes of now.</summary>
    public bool SignedWithTimestamp(string secret)
    {
        if (Headers.GetValueOrDefault("X-Iskra-Signature-V2") is not { } header || !header.StartsWith("sha256=", StringComparison.Ordinal)
            || !long.TryParse(Headers.GetValueOrDefault("X-Iskra-Timestamp"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) > 300)
        {
            return false;
        }

        byte[] signed = [.. Encoding.ASCII.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."), .. Body];
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(header["sha256=".Length..]), HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
