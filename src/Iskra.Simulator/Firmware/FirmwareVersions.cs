using System.Text;
using System.Text.RegularExpressions;

namespace Iskra.Simulator.Firmware;

/// <summary>
/// The version a downloaded image installs. The simulator's convention (docs/simulator-maintenance.md): a line
/// <c>version=X</c> (or <c>"version": "X"</c>) in the image's first 4 KiB wins; otherwise the first
/// dotted number in the file name (<c>station-fw-2.4.1.bin</c> → <c>2.4.1</c>); otherwise the file name
/// without its extension. Cut to 50 characters (1.6 CiString50, 2.0.1 string[0..50]).
/// </summary>
internal static partial class FirmwareVersions
{
    public static string Of(Uri location, ReadOnlySpan<byte> image, string current)
    {
        var head = Encoding.UTF8.GetString(image[..Math.Min(image.Length, 4096)]);
        var inside = InsideVersion().Match(head);
        if (inside.Success)
        {
            return Cut(inside.Groups["v"].Value.Trim());
        }

        var name = Uri.UnescapeDataString(location.Segments.Length > 0 ? location.Segments[^1] : string.Empty).Trim('/');
        var dotted = DottedNumber().Match(name);
        if (dotted.Success)
        {
            return Cut(dotted.Value);
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        return stem.Length > 0 ? Cut(stem) : current;
    }

    private static string Cut(string version) => version.Length > 50 ? version[..50] : version;

    [GeneratedRegex("""(?im)(?:^|[{,])\s*"?version"?\s*[=:]\s*"?(?<v>[^"\r\n,}]{1,80})"?""")]
    private static partial Regex InsideVersion();

    [GeneratedRegex(@"\d+(?:\.\d+)+")]
    private static partial Regex DottedNumber();
}
