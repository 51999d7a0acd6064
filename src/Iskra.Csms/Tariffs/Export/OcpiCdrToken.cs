using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §10.4.5 CdrToken: the token that started the session.</summary>
public sealed record OcpiCdrToken
{
    [JsonPropertyName("country_code")]
    public required string CountryCode { get; init; }

    [JsonPropertyName("party_id")]
    public required string PartyId { get; init; }

    [JsonPropertyName("uid")]
    public required string Uid { get; init; }

    /// <summary>OCPI TokenType: AD_HOC_USER, APP_USER, OTHER or RFID.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("contract_id")]
    public required string ContractId { get; init; }
}
