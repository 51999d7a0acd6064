using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §11.4.6 TariffRestrictions: all given must hold; times and dates are local.</summary>
public sealed record OcpiTariffRestrictions
{
    /// <summary>HH:MM, 24 h.</summary>
    [JsonPropertyName("start_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StartTime { get; init; }

    [JsonPropertyName("end_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EndTime { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    [JsonPropertyName("start_date")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StartDate { get; init; }

    [JsonPropertyName("end_date")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EndDate { get; init; }

    [JsonPropertyName("min_kwh")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? MinKwh { get; init; }

    [JsonPropertyName("max_kwh")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? MaxKwh { get; init; }

    [JsonPropertyName("min_current")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? MinCurrent { get; init; }

    [JsonPropertyName("max_current")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? MaxCurrent { get; init; }

    /// <summary>kW.</summary>
    [JsonPropertyName("min_power")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? MinPower { get; init; }

    [JsonPropertyName("max_power")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? MaxPower { get; init; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("min_duration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinDuration { get; init; }

    [JsonPropertyName("max_duration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxDuration { get; init; }

    /// <summary>MONDAY … SUNDAY.</summary>
    [JsonPropertyName("day_of_week")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? DayOfWeek { get; init; }
}
