namespace Iskra.Csms.Tariffs.Export;

/// <summary>
/// The signed meter values of a record as OCPI 2.2.1 SignedData (§10.4.7). OCMF strings
/// (<c>OCMF|{payload}|{signature}</c>) give encoding_method OCMF, the payload as plain_data and the whole
/// string as signed_data; other values keep the station's 2.0.1 encodingMethod (else signingMethod, else
/// UNKNOWN) and carry the value in both fields, as Iskra has no decoder for them.
/// </summary>
internal static class OcpiSignedDataMapper
{
    private const string OcmfPrefix = "OCMF|";

    public static OcpiSignedData? From(IReadOnlyList<SignedReading> readings)
    {
        var values = readings.Where(r => !string.IsNullOrEmpty(r.Value)).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var ocmf = values.TrueForAll(r => r.Value!.StartsWith(OcmfPrefix, StringComparison.Ordinal));
        return new()
        {
            EncodingMethod = ocmf ? "OCMF"
                : values.Select(r => r.EncodingMethod).FirstOrDefault(m => !string.IsNullOrEmpty(m))
                  ?? values.Select(r => r.SigningMethod).FirstOrDefault(m => !string.IsNullOrEmpty(m))
                  ?? "UNKNOWN",
            PublicKey = values.Select(r => r.PublicKey).FirstOrDefault(k => !string.IsNullOrEmpty(k)),
            SignedValues = [.. values.Select(r => new OcpiSignedValue
            {
                Nature = Nature(r.Context),
                PlainData = ocmf ? OcmfPayload(r.Value!) : r.Value!,
                SignedData = r.Value!,
            })],
        };
    }

    /// <summary>OCPI SignedValue.nature from the OCPP reading context.</summary>
    private static string Nature(string? context) => context switch
    {
        "Transaction.Begin" => "Start",
        "Transaction.End" => "End",
        _ => "Intermediate",
    };

    /// <summary>The payload section of an OCMF string: between the header and the signature section.</summary>
    private static string OcmfPayload(string value)
    {
        var last = value.LastIndexOf('|');
        return last > OcmfPrefix.Length ? value[OcmfPrefix.Length..last] : value[OcmfPrefix.Length..];
    }
}
