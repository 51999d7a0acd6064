using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §10.4.6 ChargingPeriod: lasts until the next period starts, the last one until the session ends.</summary>
public sealed record OcpiChargingPeriod
{
    [JsonPropertyName("start_date_time")]
    [JsonConverter(typeof(OcpiDateTimeConverter))]
    public required DateTimeOffset StartDateTime { get; init; }

    [JsonPropertyName("dimensions")]
    public required IReadOnlyList<OcpiCdrDimension> Dimensions { get; init; }

    [JsonPropertyName("tariff_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TariffId { get; init; }
}
