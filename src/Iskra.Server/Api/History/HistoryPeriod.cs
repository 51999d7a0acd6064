using System.Globalization;
using Iskra.Csms.History;

namespace Iskra.Server.Api.History;

/// <summary>
/// The <c>?from=&amp;to=</c> of the history reads: ISO-8601 times with an offset (or Z), <c>from</c> inclusive and <c>to</c>
/// exclusive. A value that does not parse, or a <c>from</c> after <c>to</c>, is a 400 problem naming the parameter.
/// </summary>
public static class HistoryPeriod
{
    /// <summary>The period of a computed read (durations, availability) when <c>from</c> is not given: the 30 days before <c>to</c>.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(30);

    /// <summary>The optional bounds of a list, in UTC.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Bounds(string? from, string? to)
    {
        var start = Parse(from, nameof(from));
        var end = Parse(to, nameof(to));
        if (start > end)
        {
            throw new BadHttpRequestException("from must not be after to.");
        }

        return (start, end);
    }

    /// <summary>
    /// The period of a computed read: <c>to</c> defaults to <paramref name="now"/>, <c>from</c> to <see cref="DefaultLength"/>
    /// before it; at most <see cref="StationHistory.MaxPeriod"/> long.
    /// </summary>
    public static TimeRange Range(string? from, string? to, DateTimeOffset now)
    {
        var (start, end) = Bounds(from, to);
        var upper = end ?? now;
        var lower = start ?? upper - DefaultLength;
        if (lower > upper)
        {
            throw new BadHttpRequestException("from must not be after to (to defaults to now).");
        }

        if (upper - lower > StationHistory.MaxPeriod)
        {
            throw new BadHttpRequestException($"from must be at most {StationHistory.MaxPeriod.TotalDays:0} days before to.");
        }

        return new TimeRange(lower, upper);
    }

    private static DateTimeOffset? Parse(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && LooksIso(value)
            ? time.ToUniversalTime()
            : throw new BadHttpRequestException($"{name} must be an ISO-8601 time such as 2026-12-01T00:00:00Z, not '{Escape(value)}'.");
    }

    // DateTimeOffset.TryParse also takes "12/01/2026" and "Tuesday"; a period bound is a date first.
    private static bool LooksIso(string value) =>
        value.Length >= 10 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[3]) && value[4] == '-' && value[7] == '-';

    private static string Escape(string value) =>
        value.Length > 40 ? string.Concat(value.AsSpan(0, 40), "…") : value;
}
