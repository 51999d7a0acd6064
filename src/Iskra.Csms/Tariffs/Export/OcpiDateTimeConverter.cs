using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>
/// OCPI 2.2.1 §16.2 DateTime: RFC 3339 in UTC with a Z, at most 25 characters, fractional seconds only when
/// there are any (milliseconds). Read back, a time without a zone designator is UTC.
/// </summary>
public sealed class OcpiDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("An OCPI DateTime is a string."), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
