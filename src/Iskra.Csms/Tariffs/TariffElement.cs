namespace Iskra.Csms.Tariffs;

/// <summary>Price components that apply together while <see cref="Restrictions"/> hold (OCPI 2.2.1 TariffElement).</summary>
public sealed record TariffElement(IReadOnlyList<PriceComponent> PriceComponents, TariffRestrictions? Restrictions = null);
