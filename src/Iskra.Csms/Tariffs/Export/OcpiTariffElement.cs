using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §11.4.4 TariffElement: price components that apply while the restrictions hold.</summary>
public sealed record OcpiTariffElement
{
    [JsonPropertyName("price_components")]
    public required IReadOnlyList<OcpiPriceComponent> PriceComponents { get; init; }

    [JsonPropertyName("restrictions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OcpiTariffRestrictions? Restrictions { get; init; }
}
