using System.Globalization;

namespace Iskra.Ocpp.Json;

/// <summary>
/// Parses the <c>date-time</c> values of OCPP messages: RFC 3339 (<c>2024-05-06T07:08:09.123Z</c>,
/// <c>...+02:00</c>). OCPP 1.6 stations often omit the zone; when allowed, such a value is read as UTC.
/// One parser serves the generated validators and the JSON converter, so both accept the same text.
/// </summary>
public static class OcppDateTime
{
    private const int MaxFractionDigits = 7;

    /// <summary>Parses <paramref name="text"/>; a value without zone is UTC when <paramref name="zoneOptional"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, bool zoneOptional, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19
            || !TryDigits(text[..4], out var year) || text[4] != '-'
            || !TryDigits(text.Slice(5, 2), out var month) || text[7] != '-'
            || !TryDigits(text.Slice(8, 2), out var day) || (text[10] is not ('T' or 't'))
            || !TryDigits(text.Slice(11, 2), out var hour) || text[13] != ':'
            || !TryDigits(text.Slice(14, 2), out var minute) || text[16] != ':'
            || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = text[19..];
        long fractionTicks = 0;
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 1)
            {
                return false;
            }

            var fraction = rest[1..Math.Min(digits, MaxFractionDigits + 1)];
            fractionTicks = long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
            for (var i = fraction.Length; i < MaxFractionDigits; i++)
            {
                fractionTicks *= 10;
            }

            rest = rest[digits..];
        }

        TimeSpan offset;
        if (rest.IsEmpty)
        {
            if (!zoneOptional)
            {
                return false;
            }

            offset = TimeSpan.Zero;
        }
        else if (rest is "Z" or "z")
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && rest[0] is '+' or '-' && rest[3] == ':'
            && TryDigits(rest.Slice(1, 2), out var offsetHours) && offsetHours <= 23
            && TryDigits(rest.Slice(4, 2), out var offsetMinutes) && offsetMinutes <= 59)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (rest[0] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
