using System.Globalization;
using System.Text.Json;
using Iskra.Csms;

namespace Iskra.Server.Api;

/// <summary>
/// Reads the fields of a JSON object body one by one, so a missing field, a wrong type or an unknown
/// field each get a 400 problem that names the field. <see cref="Has"/> tells "absent" from "null" (PATCH).
/// </summary>
public sealed class BodyFields
{
    private readonly JsonElement _body;

    private BodyFields(JsonElement body) => _body = body;

    /// <summary>Reads the request body; it must be a JSON object whose fields are all in <paramref name="allowed"/>.</summary>
    public static async Task<BodyFields> ReadAsync(HttpRequest request, IReadOnlyCollection<string> allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var body = await RequestBodies.ReadJsonAsync(request, cancellationToken).ConfigureAwait(false);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new BadHttpRequestException("The body must be a JSON object.");
        }

        if (ExpectedFields.FirstUnknown(body, allowed) is { } unknown)
        {
            throw new BadHttpRequestException(ExpectedFields.Describe(unknown, allowed));
        }

        return new BodyFields(body);
    }

    /// <summary>The field's raw value, or null when absent.</summary>
    public JsonElement? Element(string name) => _body.TryGetProperty(name, out var value) ? value : null;

    /// <summary>True when the field is present (even as null).</summary>
    public bool Has(string name) => _body.TryGetProperty(name, out _);

    /// <summary>A string field: null when absent or null; a 400 when of another type or outside <paramref name="minLength"/>..<paramref name="maxLength"/>.</summary>
    public string? Text(string name, int minLength, int maxLength)
    {
        if (!_body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new BadHttpRequestException($"{name} must be a string.");
        }

        var text = value.GetString()!;
        return text.Length >= minLength && text.Length <= maxLength
            ? text
            : throw new BadHttpRequestException($"{name} must be {minLength} to {maxLength} characters long.");
    }

    /// <summary>A required string field.</summary>
    public string RequiredString(string name, int minLength, int maxLength) =>
        Text(name, minLength, maxLength) ?? throw new BadHttpRequestException($"{name} is required.");

    /// <summary>An integer field within <paramref name="min"/>..<paramref name="max"/>; null when absent or null.</summary>
    public int? Number(string name, int min, int max)
    {
        if (!_body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw new BadHttpRequestException($"{name} must be an integer from {min} to {max}.");
    }

    /// <summary>An array of strings, each <paramref name="minLength"/>..<paramref name="maxLength"/> long, at most <paramref name="maxItems"/>; null when absent or null.</summary>
    public IReadOnlyList<string>? Texts(string name, int maxItems, int minLength, int maxLength)
    {
        if (!_body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > maxItems)
        {
            throw new BadHttpRequestException($"{name} must be an array of at most {maxItems} strings.");
        }

        List<string> texts = [];
        foreach (var item in value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new BadHttpRequestException($"{name} must be an array of strings.");
            texts.Add(text.Length >= minLength && text.Length <= maxLength
                ? text
                : throw new BadHttpRequestException($"each of {name} must be {minLength} to {maxLength} characters long."));
        }

        return texts;
    }

    /// <summary>A date-time field (RFC 3339 with an offset); null when absent or null.</summary>
    public DateTimeOffset? Date(string name)
    {
        var text = Text(name, 1, 64);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime()
            : throw new BadHttpRequestException($"{name} must be a date-time such as 2026-01-31T12:00:00Z.");
    }

    /// <summary>An enum field spelled exactly as one of <typeparamref name="TEnum"/>'s names (from <paramref name="allowed"/>); null when absent or null.</summary>
    public TEnum? Enum<TEnum>(string name, IReadOnlyCollection<TEnum> allowed)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var text = Text(name, 1, 64);
        if (text is null)
        {
            return null;
        }

        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new BadHttpRequestException($"{name} must be one of {string.Join(", ", allowed)}.");
    }
}
