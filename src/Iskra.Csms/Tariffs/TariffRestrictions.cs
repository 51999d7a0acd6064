namespace Iskra.Csms.Tariffs;

/// <summary>
/// When a tariff element applies (OCPI 2.2.1 TariffRestrictions). Every restriction given must hold;
/// absent ones always hold. Times and dates are local to the tariff's time zone.
/// </summary>
/// <param name="StartTime">From this local time of day (inclusive).</param>
/// <param name="EndTime">Until this local time of day (exclusive); before <paramref name="StartTime"/> means across midnight.</param>
/// <param name="StartDate">From this local date (inclusive).</param>
/// <param name="EndDate">Until this local date (exclusive).</param>
/// <param name="MinKwh">While the session's energy so far is at least this.</param>
/// <param name="MaxKwh">While the session's energy so far is below this.</param>
/// <param name="MinPowerKw">While the charging power is at least this.</param>
/// <param name="MaxPowerKw">While the charging power is below this.</param>
/// <param name="MinDurationSeconds">While the session has lasted at least this long.</param>
/// <param name="MaxDurationSeconds">While the session has lasted less than this.</param>
/// <param name="DaysOfWeek">On these local days only.</param>
public sealed record TariffRestrictions(
    TimeOnly? StartTime = null,
    TimeOnly? EndTime = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    decimal? MinKwh = null,
    decimal? MaxKwh = null,
    decimal? MinPowerKw = null,
    decimal? MaxPowerKw = null,
    int? MinDurationSeconds = null,
    int? MaxDurationSeconds = null,
    IReadOnlyList<DayOfWeek>? DaysOfWeek = null);
