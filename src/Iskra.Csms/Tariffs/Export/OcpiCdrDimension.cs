using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §10.4.1 CdrDimension: kWh for ENERGY, hours for TIME and PARKING_TIME.</summary>
public sealed record OcpiCdrDimension
{
    /// <summary>OCPI CdrDimensionType; Iskra writes ENERGY, TIME and PARKING_TIME.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("volume")]
    public required decimal Volume { get; init; }
}
