using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Iskra.Server.Transport;

/// <summary>
/// The station id rules of SPEC §2.1: 1..48 characters of <c>A-Z a-z 0-9 * - _ = : + | @ .</c>
/// after URL-decoding, not dots alone, judged on the raw request path.
/// </summary>
public static class StationIds
{
    public const int MaxLength = 48;

    /// <summary>The longest form of a refused id that is ever recorded or logged.</summary>
    public const int MaxEscapedLength = 64;

    /// <summary>The path prefix of the OCPP endpoint.</summary>
    public const string PathPrefix = "/ocpp/";

    /// <summary>
    /// Reads the station id from a raw request target (<c>/ocpp/{id}[?query]</c>, still percent-encoded
    /// and not dot-normalized). <paramref name="attempted"/> is the decoded id whether valid or not (null
    /// when the target is not under <see cref="PathPrefix"/>); escape it before storing or logging.
    /// </summary>
    public static bool TryParseRawTarget(string? rawTarget, [NotNullWhen(true)] out string? stationId, out string? attempted)
    {
        stationId = null;
        attempted = null;
        if (rawTarget is null)
        {
            return false;
        }

        var path = rawTarget.AsSpan();
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        if (!path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        attempted = Uri.UnescapeDataString(path[PathPrefix.Length..].ToString());
        if (!IsValid(attempted))
        {
            return false;
        }

        stationId = attempted;
        return true;
    }

    public static bool IsValid(string id)
    {
        if (id.Length is 0 or > MaxLength || id.AsSpan().TrimStart('.').IsEmpty)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A form of any string that is safe to store and log: allowed characters stay, others become %XX or %uXXXX; at most 64 characters.</summary>
    public static string Escape(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaxEscapedLength));
        foreach (var c in value)
        {
            var piece = IsAllowed(c) && c != '%' ? c.ToString() : c < 0x100 ? $"%{(int)c:X2}" : $"%u{(int)c:X4}";
            if (builder.Length + piece.Length > MaxEscapedLength)
            {
                break;
            }

            builder.Append(piece);
        }

        return builder.ToString();
    }

    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '_' or '=' or ':' or '+' or '|' or '@' or '.';
}
