using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §10.4.8 SignedValue: one signed value with its plain data.</summary>
public sealed record OcpiSignedValue
{
    /// <summary>Start, End or Intermediate.</summary>
    [JsonPropertyName("nature")]
    public required string Nature { get; init; }

    [JsonPropertyName("plain_data")]
    public required string PlainData { get; init; }

    [JsonPropertyName("signed_data")]
    public required string SignedData { get; init; }
}
