using System.Text;

namespace Iskra.Csms.Files;

/// <summary>File names sent by clients, made safe to show: no folders, no control characters, no leading dots.</summary>
public static class FileNames
{
    public const int MaxLength = 255;

    /// <summary>
    /// The last path segment of <paramref name="name"/> (after URL-decoding, with <c>\</c> taken as a
    /// separator), without control or reserved characters and leading dots; <paramref name="fallback"/>
    /// when nothing is left. The result is only ever shown or offered as a download name: files are
    /// stored under generated names.
    /// </summary>
    public static string Sanitize(string? name, string fallback)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return fallback;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
            decoded = name;
        }

        var last = decoded.Replace('\\', '/').Split('/').LastOrDefault(s => s.Length > 0) ?? "";
        var clean = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            if (!char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
            {
                clean.Append(c);
            }
        }

        var result = clean.ToString().Trim().TrimStart('.').Trim();
        if (result.Length > MaxLength)
        {
            result = result[..MaxLength];
        }

        return result.Length == 0 ? fallback : result;
    }
}
