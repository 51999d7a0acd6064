using System.Globalization;
using System.Text.Json;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// Reads a tariff from the API's JSON (docs/billing.md): every field is checked, an unknown one is refused
/// (SPEC §2.2), and each error names its path. The shape is OCPI 2.2.1's Tariff in camelCase, with a
/// tariff-wide <c>vatPercent</c>, the <c>timeZone</c> its restrictions are read in, and the <c>assignment</c>.
/// </summary>
public static class TariffBody
{
    public const int MaxElements = 50;
    public const int MaxListItems = 500;

    private static readonly string[] Fields = ["id", "name", "currency", "vatPercent", "timeZone", "minPrice", "maxPrice", "elements", "assignment", "version", "createdAt", "updatedAt"];
    private static readonly string[] ElementFields = ["priceComponents", "restrictions"];
    private static readonly string[] ComponentFields = ["type", "price", "stepSize"];
    private static readonly string[] RestrictionFields = ["startTime", "endTime", "startDate", "endDate", "minKwh", "maxKwh", "minPowerKw", "maxPowerKw", "minDuration", "maxDuration", "dayOfWeek"];
    private static readonly string[] AssignmentFields = ["allStations", "stations", "idTagGroups", "connectorTypes"];
    private static readonly string[] Days = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

    /// <summary>Reads a tariff body; <c>version</c>, <c>createdAt</c> and <c>updatedAt</c> are accepted (a GET sent back) and ignored.</summary>
    /// <exception cref="TariffInvalidException">The body is not a tariff Iskra can price.</exception>
    public static TariffInput Parse(JsonElement body)
    {
        var o = Object(body, "the body", Fields);
        var id = Text(o, "id", "id", 1, Tariff.IdLength);
        if (id is not null && !IsTariffId(id))
        {
            throw new TariffInvalidException("id must be 1 to 36 of A-Z, a-z, 0-9, '.', '_' and '-'.");
        }

        var currency = Text(o, "currency", "currency", 3, 3) ?? throw new TariffInvalidException("currency is required (ISO 4217, e.g. EUR).");
        if (!currency.All(char.IsAsciiLetterUpper))
        {
            throw new TariffInvalidException("currency must be an ISO 4217 code of three upper-case letters (e.g. EUR).");
        }

        var zone = Text(o, "timeZone", "timeZone", 1, 64) ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new TariffInvalidException($"timeZone '{zone}' is not a time zone this server knows (use an IANA name such as Europe/Berlin).");
        }

        var elements = Array(o, "elements", "elements", MaxElements) ?? throw new TariffInvalidException("elements is required: at least one element with a price component.");
        if (elements.Count == 0)
        {
            throw new TariffInvalidException("elements must hold at least one element.");
        }

        var minPrice = Decimal(o, "minPrice", "minPrice", 0);
        var maxPrice = Decimal(o, "maxPrice", "maxPrice", 0);
        if (minPrice > maxPrice)
        {
            throw new TariffInvalidException("minPrice must not be above maxPrice.");
        }

        var definition = new TariffDefinition(
            currency,
            Decimal(o, "vatPercent", "vatPercent", 0, 100) ?? 0m,
            [.. elements.Select((e, i) => Element(e, $"elements[{i}]"))],
            minPrice,
            maxPrice,
            zone);
        var assignment = o.TryGetProperty("assignment", out var a) && a.ValueKind != JsonValueKind.Null ? Assignment(a) : TariffAssignment.None;
        return new TariffInput(id, Text(o, "name", "name", 1, 100), definition, assignment);
    }

    /// <summary>Whether <paramref name="id"/> is a valid tariff id (OCPI CiString(36) of URL-safe characters).</summary>
    public static bool IsTariffId(string id) =>
        id.Length is > 0 and <= Tariff.IdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static TariffElement Element(JsonElement e, string path)
    {
        var o = Object(e, path, ElementFields);
        var components = Array(o, "priceComponents", $"{path}.priceComponents", 4) ?? throw new TariffInvalidException($"{path}.priceComponents is required.");
        if (components.Count == 0)
        {
            throw new TariffInvalidException($"{path}.priceComponents must hold at least one price component.");
        }

        var restrictions = o.TryGetProperty("restrictions", out var r) && r.ValueKind != JsonValueKind.Null ? Restrictions(r, $"{path}.restrictions") : null;
        return new TariffElement([.. components.Select((c, i) => Component(c, $"{path}.priceComponents[{i}]"))], restrictions);
    }

    private static PriceComponent Component(JsonElement c, string path)
    {
        var o = Object(c, path, ComponentFields);
        var type = Text(o, "type", $"{path}.type", 1, 20) ?? throw new TariffInvalidException($"{path}.type is required.");
        var dimension = TariffDimensions.Parse(type)
            ?? throw new TariffInvalidException($"{path}.type must be one of {string.Join(", ", TariffDimensions.Names)}.");
        var price = Decimal(o, "price", $"{path}.price", 0) ?? throw new TariffInvalidException($"{path}.price is required (excluding VAT).");
        var step = Int(o, "stepSize", $"{path}.stepSize", 1, 1_000_000) ?? 1;
        return new PriceComponent(dimension, price, step);
    }

    private static TariffRestrictions Restrictions(JsonElement r, string path)
    {
        var o = Object(r, path, RestrictionFields);
        var days = Array(o, "dayOfWeek", $"{path}.dayOfWeek", 7)?.Select(d => d.ValueKind == JsonValueKind.String && System.Array.IndexOf(Days, d.GetString()) is var i and >= 0
            ? (DayOfWeek)((i + 1) % 7)
            : throw new TariffInvalidException($"{path}.dayOfWeek must hold day names: {string.Join(", ", Days)}.")).Distinct().ToList();
        var restrictions = new TariffRestrictions(
            Time(o, "startTime", path), Time(o, "endTime", path), Date(o, "startDate", path), Date(o, "endDate", path),
            Decimal(o, "minKwh", $"{path}.minKwh", 0), Decimal(o, "maxKwh", $"{path}.maxKwh", 0),
            Decimal(o, "minPowerKw", $"{path}.minPowerKw", 0), Decimal(o, "maxPowerKw", $"{path}.maxPowerKw", 0),
            Int(o, "minDuration", $"{path}.minDuration", 0, int.MaxValue), Int(o, "maxDuration", $"{path}.maxDuration", 0, int.MaxValue),
            days);
        Order(restrictions.MinKwh, restrictions.MaxKwh, $"{path}.minKwh", "maxKwh");
        Order(restrictions.MinPowerKw, restrictions.MaxPowerKw, $"{path}.minPowerKw", "maxPowerKw");
        Order(restrictions.MinDurationSeconds, restrictions.MaxDurationSeconds, $"{path}.minDuration", "maxDuration");
        if (restrictions.StartDate is { } from && restrictions.EndDate is { } to && from >= to)
        {
            throw new TariffInvalidException($"{path}.startDate must be before endDate (endDate is exclusive).");
        }

        if (restrictions.StartTime is { } start && restrictions.EndTime is { } end && start == end)
        {
            throw new TariffInvalidException($"{path}.startTime and endTime must differ (omit both for all day).");
        }

        return restrictions;
    }

    private static TariffAssignment Assignment(JsonElement a)
    {
        var o = Object(a, "assignment", AssignmentFields);
        bool all = false;
        if (o.TryGetProperty("allStations", out var v) && v.ValueKind != JsonValueKind.Null)
        {
            all = v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw new TariffInvalidException("assignment.allStations must be true or false.");
        }

        var stations = Texts(o, "stations", "assignment.stations", 48);
        if (stations?.FirstOrDefault(s => s.IndexOf('*', StringComparison.Ordinal) is var star && star >= 0 && star != s.Length - 1) is { } bad)
        {
            throw new TariffInvalidException($"assignment.stations: '{bad}' may hold '*' only at its end (a prefix of station ids).");
        }

        return new TariffAssignment(all, stations, Texts(o, "idTagGroups", "assignment.idTagGroups", 36), Texts(o, "connectorTypes", "assignment.connectorTypes", 20));
    }

    private static void Order<T>(T? min, T? max, string path, string maxName)
        where T : struct, IComparable<T>
    {
        if (min is { } lo && max is { } hi && lo.CompareTo(hi) >= 0)
        {
            throw new TariffInvalidException($"{path} must be below {maxName}.");
        }
    }

    private static JsonElement Object(JsonElement e, string path, string[] fields)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new TariffInvalidException($"{path} must be a JSON object.");
        }

        return ExpectedFields.FirstUnknown(e, fields) is { } unknown
            ? throw new TariffInvalidException($"{path}: {ExpectedFields.Describe(unknown, fields)}")
            : e;
    }

    private static List<JsonElement>? Array(JsonElement o, string name, string path, int max)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new TariffInvalidException($"{path} must be an array.");
        }

        return v.GetArrayLength() <= max ? [.. v.EnumerateArray()] : throw new TariffInvalidException($"{path} may hold at most {max} items.");
    }

    private static List<string>? Texts(JsonElement o, string name, string path, int maxLength) =>
        Array(o, name, path, MaxListItems)?.Select(s => s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 } t && t.Length <= maxLength
            ? t
            : throw new TariffInvalidException($"{path} must hold strings of 1 to {maxLength} characters.")).Distinct(StringComparer.Ordinal).ToList();

    private static string? Text(JsonElement o, string name, string path, int min, int max)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String && v.GetString() is { } s && s.Length >= min && s.Length <= max
            ? s
            : throw new TariffInvalidException($"{path} must be a string of {min} to {max} characters.");
    }

    private static decimal? Decimal(JsonElement o, string name, string path, decimal min, decimal max = 1_000_000m)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d >= min && d <= max
            ? d
            : throw new TariffInvalidException($"{path} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static int? Int(JsonElement o, string name, string path, int min, int max)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= min && i <= max
            ? i
            : throw new TariffInvalidException($"{path} must be a whole number from {min} to {max}.");
    }

    private static TimeOnly? Time(JsonElement o, string name, string path)
    {
        var s = Text(o, name, $"{path}.{name}", 1, 10);
        return s is null ? null
            : s.Length == 5 && TimeOnly.TryParseExact(s, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
            : throw new TariffInvalidException($"{path}.{name} must be a local time HH:MM (00:00 to 23:59).");
    }

    private static DateOnly? Date(JsonElement o, string name, string path)
    {
        var s = Text(o, name, $"{path}.{name}", 1, 20);
        return s is null ? null
            : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new TariffInvalidException($"{path}.{name} must be a local date YYYY-MM-DD.");
    }
}
