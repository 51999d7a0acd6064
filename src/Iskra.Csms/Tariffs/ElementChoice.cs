namespace Iskra.Csms.Tariffs;

/// <summary>
/// Which tariff element prices a dimension (OCPI 2.2.1 §11.4.4): the first element, in the tariff's order, that
/// has a price component of that dimension and whose restrictions hold. Within that element, its first
/// component of the dimension is the price.
/// </summary>
internal static class ElementChoice
{
    /// <summary>The index of the pricing element, or -1 when no element prices <paramref name="dimension"/>.</summary>
    public static int First(IReadOnlyList<TariffElement> elements, TariffDimension dimension, Func<TariffRestrictions?, bool> holds)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].PriceComponents.Any(c => c.Type == dimension) && holds(elements[i].Restrictions))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The price component of <paramref name="dimension"/> in element <paramref name="index"/>.</summary>
    public static PriceComponent Component(IReadOnlyList<TariffElement> elements, int index, TariffDimension dimension) =>
        elements[index].PriceComponents.First(c => c.Type == dimension);
}
