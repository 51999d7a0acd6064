using System.Globalization;
using System.Text.Json.Serialization;
using Iskra.Csms.Tariffs;

namespace Iskra.Server.Api.Billing;

/// <summary>
/// A tariff as the API shows and takes it (docs/billing.md): OCPI 2.2.1's Tariff in camelCase, with a
/// tariff-wide VAT, the time zone of its restrictions and where it applies. A GET body can be sent back as a PUT.
/// </summary>
public sealed record TariffView(
    string Id,
    string? Name,
    int Version,
    string Currency,
    decimal VatPercent,
    string TimeZone,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MinPrice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MaxPrice,
    IReadOnlyList<TariffElementView> Elements,
    TariffAssignment Assignment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static TariffView From(Tariff tariff)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        return From(tariff.Id, tariff.Name, tariff.Version, TariffService.Definition(tariff.DefinitionJson), TariffService.Assignment(tariff.AssignmentJson), tariff.CreatedAt, tariff.UpdatedAt);
    }

    public static TariffView From(string id, string? name, int version, TariffDefinition d, TariffAssignment assignment, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(id, name, version, d.Currency, d.VatPercent, d.TimeZone, d.MinPrice, d.MaxPrice,
            [.. d.Elements.Select(e => new TariffElementView([.. e.PriceComponents.Select(PriceComponentView.From)], RestrictionsView.From(e.Restrictions)))],
            assignment, createdAt, updatedAt);
    }
}
