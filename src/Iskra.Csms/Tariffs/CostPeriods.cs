namespace Iskra.Csms.Tariffs;

/// <summary>
/// Merges consecutive slices priced by the same (energy, time, parking) elements into one
/// <see cref="CostPeriod"/> (OCPI 2.2.1 ChargingPeriod), starting at the first slice's start. Charging slices
/// name the energy and time elements and no parking element; parking slices only the parking element. Energy
/// in kWh and hours are rounded to 6 decimals.
/// </summary>
internal sealed class CostPeriods
{
    private readonly List<CostPeriod> _periods = [];
    private DateTimeOffset _start;
    private bool _open;
    private (int Energy, int Time, int Parking) _elements;
    private decimal _wh;
    private long _chargingTicks;
    private long _parkingTicks;

    /// <summary>Adds the next slice, priced by the given elements (-1 for none).</summary>
    public void Add(TimelineSlice slice, int energy, int time, int parking)
    {
        if (!_open || (energy, time, parking) != _elements)
        {
            Close();
            _open = true;
            _start = slice.Start;
            _elements = (energy, time, parking);
        }

        _wh += slice.EnergyWh;
        if (slice.Charging)
        {
            _chargingTicks += slice.Ticks;
        }
        else
        {
            _parkingTicks += slice.Ticks;
        }
    }

    /// <summary>The periods, in time order.</summary>
    public List<CostPeriod> Build()
    {
        Close();
        return _periods;
    }

    private void Close()
    {
        if (!_open)
        {
            return;
        }

        _periods.Add(new CostPeriod(
            _start,
            CostRounding.Quantity(_wh / 1000),
            CostRounding.Hours(_chargingTicks),
            CostRounding.Hours(_parkingTicks),
            _elements.Energy,
            _elements.Time,
            _elements.Parking));
        _open = false;
        _wh = 0;
        _chargingTicks = 0;
        _parkingTicks = 0;
    }
}
