using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iskra.Ocpp.Json;

/// <summary>
/// Reads OCPP <c>date-time</c> values with <see cref="OcppDateTime"/> (a value without zone is UTC,
/// never the server's local time) and writes RFC 3339 in UTC with milliseconds. Registered in the generated
/// serializer contexts of both versions.
/// </summary>
public sealed class OcppDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A date-time must be a JSON string.");
        }

        var text = reader.GetString();
        return OcppDateTime.TryParse(text, zoneOptional: true, out var value)
            ? value
            : throw new JsonException($"'{text}' is not an RFC 3339 date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // UTC with milliseconds (2026-11-23T10:00:00.123Z): exact enough for OCPP, and short enough for
        // the many 1.6 stations whose parsers reject seven fractional digits.
        Span<char> text = stackalloc char[24];
        value.UtcDateTime.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }
}
