using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs;

/// <summary>What a price component charges for; the wire names are OCPI 2.2.1's TariffDimensionType.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TariffDimension>))]
public enum TariffDimension
{
    /// <summary>Per kWh delivered.</summary>
    [JsonStringEnumMemberName("ENERGY")]
    Energy,

    /// <summary>Once per session.</summary>
    [JsonStringEnumMemberName("FLAT")]
    Flat,

    /// <summary>Per hour while the EV is connected and not charging (no energy flows).</summary>
    [JsonStringEnumMemberName("PARKING_TIME")]
    ParkingTime,

    /// <summary>Per hour while charging (energy flows).</summary>
    [JsonStringEnumMemberName("TIME")]
    Time,
}
