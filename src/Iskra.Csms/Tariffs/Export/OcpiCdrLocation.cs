using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §10.4.3 CdrLocation: where the session took place, with only its EVSE and connector.</summary>
public sealed record OcpiCdrLocation
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonPropertyName("address")]
    public required string Address { get; init; }

    [JsonPropertyName("city")]
    public required string City { get; init; }

    [JsonPropertyName("postal_code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PostalCode { get; init; }

    [JsonPropertyName("state")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? State { get; init; }

    /// <summary>ISO 3166-1 alpha-3.</summary>
    [JsonPropertyName("country")]
    public required string Country { get; init; }

    [JsonPropertyName("coordinates")]
    public required OcpiGeoLocation Coordinates { get; init; }

    [JsonPropertyName("evse_uid")]
    public required string EvseUid { get; init; }

    /// <summary>eMI3 EVSE ID.</summary>
    [JsonPropertyName("evse_id")]
    public required string EvseId { get; init; }

    [JsonPropertyName("connector_id")]
    public required string ConnectorId { get; init; }

    [JsonPropertyName("connector_standard")]
    public required string ConnectorStandard { get; init; }

    [JsonPropertyName("connector_format")]
    public required string ConnectorFormat { get; init; }

    [JsonPropertyName("connector_power_type")]
    public required string ConnectorPowerType { get; init; }
}
