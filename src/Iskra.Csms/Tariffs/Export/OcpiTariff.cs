using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §11.3.1 Tariff, as carried in a CDR's tariffs list.</summary>
public sealed record OcpiTariff
{
    [JsonPropertyName("country_code")]
    public required string CountryCode { get; init; }

    [JsonPropertyName("party_id")]
    public required string PartyId { get; init; }

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("currency")]
    public required string Currency { get; init; }

    /// <summary>OCPI TariffType (AD_HOC_PAYMENT, PROFILE_CHEAP, PROFILE_FAST, PROFILE_GREEN, REGULAR); absent means valid for all sessions.</summary>
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; init; }

    [JsonPropertyName("min_price")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OcpiPrice? MinPrice { get; init; }

    [JsonPropertyName("max_price")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OcpiPrice? MaxPrice { get; init; }

    [JsonPropertyName("elements")]
    public required IReadOnlyList<OcpiTariffElement> Elements { get; init; }

    [JsonPropertyName("last_updated")]
    [JsonConverter(typeof(OcpiDateTimeConverter))]
    public required DateTimeOffset LastUpdated { get; init; }
}
