namespace Iskra.Csms.Tariffs;

/// <summary>
/// Collects what each (element, dimension) priced over a session and turns it into <see cref="CostLine"/>s:
/// <list type="bullet">
/// <item>the quantity is accumulated per element line: Wh for ENERGY, seconds of charging for TIME, seconds of
/// parking for PARKING_TIME; FLAT counts once;</item>
/// <item>the step size rounds that accumulated quantity up to a multiple of itself (Wh, seconds). OCPI 2.2.1
/// applies step_size to the last charging period of a dimension only; rounding each element line up instead
/// never bills less than OCPI and keeps every line checkable on its own;</item>
/// <item>amount = quantity in the priced unit (kWh = Wh / 1000, h = s / 3600, or 1) × price, rounded to 4
/// decimals; the reported hours are rounded to 6 decimals, the amount is computed from the exact seconds;</item>
/// <item>lines with nothing billed are left out; lines are ordered by element, then ENERGY, TIME, PARKING_TIME,
/// FLAT.</item>
/// </list>
/// </summary>
internal sealed class CostLines
{
    private static readonly TariffDimension[] Order =
        [TariffDimension.Energy, TariffDimension.Time, TariffDimension.ParkingTime, TariffDimension.Flat];

    private readonly Dictionary<(int Element, TariffDimension Dimension), decimal> _quantities = [];

    /// <summary>Adds Wh (ENERGY) or ticks (TIME, PARKING_TIME) or 1 (FLAT) to a line; nothing when no element priced it.</summary>
    public void Add(int element, TariffDimension dimension, decimal quantity)
    {
        if (element < 0)
        {
            return;
        }

        _quantities[(element, dimension)] = _quantities.GetValueOrDefault((element, dimension)) + quantity;
    }

    /// <summary>The priced lines, in order.</summary>
    public List<CostLine> Build(IReadOnlyList<TariffElement> elements)
    {
        var lines = new List<CostLine>();
        foreach (var ((element, dimension), quantity) in _quantities
            .OrderBy(q => q.Key.Element)
            .ThenBy(q => Array.IndexOf(Order, q.Key.Dimension)))
        {
            var component = ElementChoice.Component(elements, element, dimension);
            var line = Line(element, component, quantity);
            if (line.Quantity > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static CostLine Line(int element, PriceComponent component, decimal quantity)
    {
        switch (component.Type)
        {
            case TariffDimension.Energy:
                var kwh = CostRounding.UpToStep(quantity, component.StepSize) / 1000;
                return new CostLine(TariffDimensions.Name(component.Type), element, kwh, "kWh", component.Price, CostRounding.LineAmount(kwh * component.Price));
            case TariffDimension.Time:
            case TariffDimension.ParkingTime:
                var seconds = CostRounding.UpToStep(quantity / CostRounding.TicksPerSecond, component.StepSize);
                return new CostLine(
                    TariffDimensions.Name(component.Type), element, CostRounding.Quantity(seconds / 3600), "h", component.Price,
                    CostRounding.LineAmount(seconds * component.Price / 3600));
            default:
                return new CostLine(TariffDimensions.Name(component.Type), element, 1, "session", component.Price, CostRounding.LineAmount(component.Price));
        }
    }
}
