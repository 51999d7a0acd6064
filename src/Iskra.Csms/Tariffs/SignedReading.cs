using System.Text.Json;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// One signed meter value of a session, as kept in <see cref="ChargeDetailRecord.SignedDataJson"/> (a JSON
/// array of these): <see cref="Value"/> is the signed data string the station sent (an OCMF string
/// <c>OCMF|{payload}|{signature}</c>, or the 2.0.1 SignedMeterValueType.signedMeterData), <see cref="Context"/>
/// the reading context (<c>Transaction.Begin</c>, <c>Sample.Periodic</c>, <c>Transaction.End</c>, …).
/// </summary>
/// <param name="SigningMethod">2.0.1 SignedMeterValueType.signingMethod, when sent.</param>
/// <param name="EncodingMethod">2.0.1 SignedMeterValueType.encodingMethod, when sent.</param>
/// <param name="PublicKey">2.0.1 SignedMeterValueType.publicKey (base64), when sent.</param>
public sealed record SignedReading(
    DateTimeOffset? Timestamp,
    string? Context,
    string? Value,
    string? SigningMethod = null,
    string? EncodingMethod = null,
    string? PublicKey = null)
{
    /// <summary>The readings of a <see cref="ChargeDetailRecord.SignedDataJson"/> column: none when null or blank.</summary>
    /// <exception cref="JsonException">The column is not a JSON array of readings.</exception>
    public static IReadOnlyList<SignedReading> ListFrom(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize(json, BillingJsonContext.Default.ListSignedReading) ?? [];

    /// <summary>The column value for <paramref name="readings"/>: null when there are none.</summary>
    public static string? ToJson(IReadOnlyCollection<SignedReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return readings.Count == 0 ? null : JsonSerializer.Serialize([.. readings], BillingJsonContext.Default.ListSignedReading);
    }
}
