using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Iskra.Csms.Integration.Passive;

/// <summary>Allocation-free reads of the few payload fields the passive checks look at.</summary>
internal static class PassiveJson
{
    public static bool TryGet(JsonElement obj, ReadOnlySpan<byte> name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static bool Is(JsonElement obj, ReadOnlySpan<byte> name, ReadOnlySpan<byte> text) =>
        TryGet(obj, name, out var v) && v.ValueKind == JsonValueKind.String && v.ValueEquals(text);

    public static bool Has(JsonElement obj, ReadOnlySpan<byte> name) => TryGet(obj, name, out var v) && v.ValueKind != JsonValueKind.Null;

    public static bool TryInt(JsonElement obj, ReadOnlySpan<byte> name, out int value)
    {
        value = 0;
        return TryGet(obj, name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out value);
    }

    public static string? String(JsonElement obj, ReadOnlySpan<byte> name) =>
        TryGet(obj, name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A number, or a string holding one (1.6 sampled values are strings).</summary>
    public static bool TryNumber(JsonElement value, out double number)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDouble(out number);
        }

        number = 0;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = Unquoted(value);
        return Utf8Parser.TryParse(raw, out number, out var consumed) && consumed == raw.Length && double.IsFinite(number);
    }

    /// <summary>
    /// A timestamp and whether it names its zone (Z or an offset). One without a zone is read as UTC,
    /// as the 1.6 message types read it.
    /// </summary>
    public static bool TryTimestamp(JsonElement value, out DateTimeOffset at, out bool zoned)
    {
        at = default;
        zoned = false;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = Unquoted(value);
        var t = raw.IndexOfAny((byte)'T', (byte)'t');
        if (t < 0)
        {
            return false;
        }

        zoned = raw[(t + 1)..].IndexOfAny("Zz+-"u8) >= 0;
        if (zoned)
        {
            return value.TryGetDateTimeOffset(out at);
        }

        if (!value.TryGetDateTime(out var unzoned))
        {
            return false;
        }

        at = new DateTimeOffset(DateTime.SpecifyKind(unzoned, DateTimeKind.Utc));
        return true;
    }

    private static ReadOnlySpan<byte> Unquoted(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.Length >= 2 && raw[0] == (byte)'"' ? raw[1..^1] : raw;
    }
}
