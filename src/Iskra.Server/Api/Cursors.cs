using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Iskra.Server.Api;

/// <summary>
/// Opaque list cursors: the key of the last item of a page (keyset paging, stable under inserts).
/// A cursor that does not decode is a 400, never a silent first page.
/// </summary>
public static class Cursors
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    public static string Encode(long key) => Encode(key.ToString(CultureInfo.InvariantCulture));

    public static bool TryDecode(string? cursor, out string? key)
    {
        key = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static bool TryDecode(string? cursor, out long? key)
    {
        key = null;
        if (!TryDecode(cursor, out string? text))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            key = id;
            return true;
        }

        return false;
    }

    /// <summary>The page size: <paramref name="limit"/> within 1..<see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>; null when out of range.</summary>
    public static int? Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        >= 1 and <= MaxLimit => limit,
        _ => null,
    };
}
