using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §11.4.2 PriceComponent: a price per unit excluding VAT, billed in steps.</summary>
public sealed record OcpiPriceComponent
{
    /// <summary>OCPI TariffDimensionType: ENERGY, FLAT, PARKING_TIME or TIME.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("price")]
    public required decimal Price { get; init; }

    /// <summary>VAT percentage; absent means no VAT applies, which differs from 0.</summary>
    [JsonPropertyName("vat")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Vat { get; init; }

    /// <summary>Wh for ENERGY, seconds for TIME and PARKING_TIME.</summary>
    [JsonPropertyName("step_size")]
    public required int StepSize { get; init; }
}
