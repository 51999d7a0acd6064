using System.Text.Json;
using Iskra.Csms.Transactions;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// The signed meter values of a session for its charge detail record (<see cref="SignedReading"/>), so a driver
/// can check the bill with transparency software: a 1.6 SignedData value (often an OCMF string) as the station
/// sent it, or the 2.0.1 signedMeterValue with its signing and encoding methods and public key.
/// </summary>
internal static class SignedMeterData
{
    public static string? Json(IReadOnlyList<MeterValueRecord> rows) =>
        SignedReading.ToJson([.. rows.Where(r => r.SignedData is not null).Select(Reading)]);

    private static SignedReading Reading(MeterValueRecord r)
    {
        var signed = r.SignedData!;
        var at = r.Timestamp.ToUniversalTime();
        // 2.0.1 keeps signedMeterValue as a JSON object; 1.6 keeps the signed value itself.
        if (signed.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(signed);
                var o = doc.RootElement;
                return new SignedReading(at, r.Context, Text(o, "signedMeterData") ?? "", Text(o, "signingMethod"), Text(o, "encodingMethod"), Text(o, "publicKey"));
            }
            catch (JsonException)
            {
                // Not JSON after all: kept as the station sent it.
            }
        }

        return new SignedReading(at, r.Context, signed);
    }

    private static string? Text(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
