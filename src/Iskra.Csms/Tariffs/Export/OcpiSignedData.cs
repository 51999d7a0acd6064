using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §10.4.7 SignedData: the session's signed meter values and how they are encoded.</summary>
public sealed record OcpiSignedData
{
    /// <summary>OCMF, or the encoding the station named; UNKNOWN when it named none.</summary>
    [JsonPropertyName("encoding_method")]
    public required string EncodingMethod { get; init; }

    [JsonPropertyName("encoding_method_version")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? EncodingMethodVersion { get; init; }

    [JsonPropertyName("public_key")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PublicKey { get; init; }

    [JsonPropertyName("signed_values")]
    public required IReadOnlyList<OcpiSignedValue> SignedValues { get; init; }

    [JsonPropertyName("url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }
}
