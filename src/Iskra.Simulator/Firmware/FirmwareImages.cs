using System.Text;
using System.Text.RegularExpressions;

namespace Iskra.Simulator.Firmware;

/// <summary>
/// Whether a downloaded image can be installed on this station, checked before the install as a real station
/// checks an image's header (docs/simulator-maintenance.md). An empty image cannot be installed; an image whose
/// first 4 KiB name the models it is built for (a line <c>model=A,B</c> or <c>"model": "A"</c>) installs only on
/// those models (the station's chargePointModel, case-insensitive). Any other image installs.
/// </summary>
internal static partial class FirmwareImages
{
    /// <summary>Why <paramref name="image"/> cannot be installed on a station of <paramref name="model"/>; null when it can.</summary>
    public static string? Refusal(ReadOnlySpan<byte> image, string model)
    {
        if (image.IsEmpty)
        {
            return "the image is empty";
        }

        var head = Encoding.UTF8.GetString(image[..Math.Min(image.Length, 4096)]);
        var declared = ModelLine().Match(head);
        if (!declared.Success)
        {
            return null;
        }

        var models = declared.Groups["m"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return models.Contains(model, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"the image is built for {string.Join(", ", models)}, not for this station's model {model}";
    }

    [GeneratedRegex("""(?im)(?:^|[{,])\s*"?model"?\s*[=:]\s*"?(?<m>[^"\r\n}]{1,200})"?""")]
    private static partial Regex ModelLine();
}
