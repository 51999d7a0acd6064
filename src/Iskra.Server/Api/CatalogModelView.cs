using Iskra.Csms.Integration;

namespace Iskra.Server.Api;

/// <summary>
/// A model of the catalog of integrated models: vendor and model as stations give them, status, the OCPP versions
/// and firmware versions its lab runs tested (each firmware with its runs and the verdict of the latest), the
/// feature profiles it passes, the operator's quirk notes, and its lab runs with links to their reports.
/// </summary>
public sealed record CatalogModelView(
    long Id,
    string Vendor,
    string Model,
    string Status,
    IReadOnlyList<string> OcppVersions,
    IReadOnlyList<CatalogFirmwareView> FirmwareVersions,
    IReadOnlyList<string> ProfilesPassed,
    IReadOnlyList<CatalogQuirkView> Quirks,
    IReadOnlyList<CatalogRunView> Runs,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CatalogModelView From(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var runs = model.Runs.OrderBy(r => r.FinishedAt).ThenBy(r => r.Id).ToList();
        var firmware = runs.Where(r => r.FirmwareVersion is not null)
            .GroupBy(r => r.FirmwareVersion!, CatalogEntry.FirmwareComparer)
            .Select(g => new CatalogFirmwareView(g.Key, g.Last().Passed ? "passed" : "failed", [.. g.Select(r => r.RunId)]))
            .OrderBy(f => f.Version, StringComparer.Ordinal)
            .ToList();
        return new(
            model.Id,
            model.Vendor,
            model.Model,
            CatalogStatuses.Name(model.Status),
            [.. runs.Select(r => r.OcppVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            firmware,
            CatalogPolicy.ProfilesPassed(model),
            [.. model.Notes.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new CatalogQuirkView(n.Id, n.Author, n.At, n.Text, n.Firmware))],
            [.. runs.Select(CatalogRunView.From)],
            model.CreatedAt,
            model.UpdatedAt);
    }
}
