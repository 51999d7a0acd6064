using System.Text;
using System.Text.Json;
using Iskra.Csms.Transactions;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// The signed meter values of a session as one JSON array for its charge detail record, so a driver can check
/// the bill with transparency software: <c>[{timestamp, context, value, signingMethod, encodingMethod, publicKey}]</c>.
/// <c>value</c> is what the meter signed: a 1.6 SignedData value (often an OCMF string) or the 2.0.1
/// <c>signedMeterData</c>, with the 2.0.1 methods and public key when the station sent them.
/// </summary>
internal static class SignedMeterData
{
    public static string? Json(IReadOnlyList<MeterValueRecord> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("timestamp", r.Timestamp.ToUniversalTime());
                if (r.Context is not null)
                {
                    w.WriteString("context", r.Context);
                }

                WriteSigned(w, r.SignedData!);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSigned(Utf8JsonWriter w, string signed)
    {
        // 2.0.1 keeps signedMeterValue as a JSON object; 1.6 keeps the signed value itself.
        if (signed.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(signed);
                var o = doc.RootElement;
                w.WriteString("value", Text(o, "signedMeterData") ?? "");
                foreach (var (from, to) in new[] { ("signingMethod", "signingMethod"), ("encodingMethod", "encodingMethod"), ("publicKey", "publicKey") })
                {
                    if (Text(o, from) is { } v)
                    {
                        w.WriteString(to, v);
                    }
                }

                return;
            }
            catch (JsonException)
            {
                // Not JSON after all: kept as the station sent it.
            }
        }

        w.WriteString("value", signed);
    }

    private static string? Text(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
