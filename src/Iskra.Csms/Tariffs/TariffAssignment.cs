namespace Iskra.Csms.Tariffs;

/// <summary>
/// Where a tariff applies. <see cref="Stations"/> names stations by id, or a group of them by a prefix ending
/// in <c>*</c> (<c>SITE-A-*</c>); <see cref="AllStations"/> makes it the network's default. Optional narrowing:
/// <see cref="IdTagGroups"/> (a fleet's contract price: cards whose parent id tag is one of these, or the parent
/// itself) and <see cref="ConnectorTypes"/> (2.0.1 ConnectorEnumType names, as the station reports them in its
/// device model). <see cref="TariffSelector"/> says which tariff wins when several apply.
/// </summary>
public sealed record TariffAssignment(
    bool AllStations = false,
    IReadOnlyList<string>? Stations = null,
    IReadOnlyList<string>? IdTagGroups = null,
    IReadOnlyList<string>? ConnectorTypes = null)
{
    public static readonly TariffAssignment None = new();
}
