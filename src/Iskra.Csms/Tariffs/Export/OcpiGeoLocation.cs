using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 GeoLocation (Locations module): decimal degrees written as text.</summary>
public sealed record OcpiGeoLocation
{
    [JsonPropertyName("latitude")]
    public required string Latitude { get; init; }

    [JsonPropertyName("longitude")]
    public required string Longitude { get; init; }
}
