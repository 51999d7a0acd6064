using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §16.4 Price: an amount excluding VAT and, when known, including VAT.</summary>
public sealed record OcpiPrice
{
    [JsonPropertyName("excl_vat")]
    public required decimal ExclVat { get; init; }

    [JsonPropertyName("incl_vat")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? InclVat { get; init; }
}
