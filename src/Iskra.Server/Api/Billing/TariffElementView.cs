using System.Globalization;
using System.Text.Json.Serialization;
using Iskra.Csms.Tariffs;

namespace Iskra.Server.Api.Billing;

/// <summary>An element of a tariff: its price components and when they apply.</summary>
public sealed record TariffElementView(
    IReadOnlyList<PriceComponentView> PriceComponents,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RestrictionsView? Restrictions);
