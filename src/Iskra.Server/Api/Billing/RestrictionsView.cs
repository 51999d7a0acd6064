using System.Globalization;
using System.Text.Json.Serialization;
using Iskra.Csms.Tariffs;

namespace Iskra.Server.Api.Billing;

/// <summary>The restrictions of an element, local to the tariff's time zone (HH:MM, YYYY-MM-DD, day names as OCPI spells them).</summary>
public sealed record RestrictionsView(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StartTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EndTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StartDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EndDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MinKwh,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MaxKwh,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MinPowerKw,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MaxPowerKw,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MinDuration,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxDuration,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? DayOfWeek)
{
    public static RestrictionsView? From(TariffRestrictions? r) => r is null ? null : new(
        r.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture), r.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        r.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.MinKwh, r.MaxKwh, r.MinPowerKw, r.MaxPowerKw, r.MinDurationSeconds, r.MaxDurationSeconds,
        r.DaysOfWeek?.Select(d => d.ToString().ToUpperInvariant()).ToList());
}
