using System.Collections.Frozen;

namespace Iskra.Csms.Integration;

/// <summary>
/// A catalog model as the boot path needs it, held in memory (<see cref="CatalogCache"/>): its status, the firmware
/// versions whose latest lab run passed, those whose latest run failed (with that run's id), and the versions
/// already flagged as seen untested.
/// </summary>
public sealed record CatalogEntry(
    long Id,
    string Vendor,
    string Model,
    CatalogStatus Status,
    IReadOnlyList<string> PassedFirmware,
    FrozenDictionary<string, string> FailedFirmware,
    FrozenSet<string> FlaggedFirmware)
{
    /// <summary>How firmware versions compare: trimmed (by the caller), without case.</summary>
    public static readonly StringComparer FirmwareComparer = StringComparer.OrdinalIgnoreCase;

    public string Name => $"{Vendor} {Model}";

    /// <summary>True when some firmware of the model has a lab run: only then is a booting station's firmware compared.</summary>
    public bool HasTestedFirmware => PassedFirmware.Count > 0 || FailedFirmware.Count > 0;

    public bool Passed(string firmware) => PassedFirmware.Contains(firmware, FirmwareComparer);

    /// <summary>Builds the entry of <paramref name="model"/> from its runs (each firmware judged by its latest run) and notes.</summary>
    public static CatalogEntry From(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var latest = model.Runs
            .Where(r => !string.IsNullOrWhiteSpace(r.FirmwareVersion))
            .GroupBy(r => r.FirmwareVersion!.Trim(), FirmwareComparer)
            .Select(g => g.OrderBy(r => r.FinishedAt).ThenBy(r => r.Id).Last())
            .ToList();
        return new CatalogEntry(
            model.Id,
            model.Vendor,
            model.Model,
            model.Status,
            [.. latest.Where(r => r.Passed).Select(r => r.FirmwareVersion!.Trim()).Order(StringComparer.Ordinal)],
            latest.Where(r => !r.Passed).ToFrozenDictionary(r => r.FirmwareVersion!.Trim(), r => r.RunId, FirmwareComparer),
            model.Notes.Where(n => n.Firmware is not null).Select(n => n.Firmware!).ToFrozenSet(FirmwareComparer));
    }
}
