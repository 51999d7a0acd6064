namespace Iskra.Simulator.Model;

/// <summary>
/// An EV plugged into a connector: a battery with a state of charge and a charging curve. It draws
/// full power up to 80 % SoC, then tapers linearly to a tenth at 100 %, and stops drawing at its
/// target SoC (then the connector goes SuspendedEV).
/// </summary>
public sealed class ElectricVehicle
{
    public ElectricVehicle(double capacityWh = 60_000, double soc = 0.3, double maxPowerW = 150_000, double targetSoc = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityWh);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPowerW);
        CapacityWh = capacityWh;
        Soc = Math.Clamp(soc, 0, 1);
        MaxPowerW = maxPowerW;
        TargetSoc = Math.Clamp(targetSoc, 0, 1);
    }

    public double CapacityWh { get; }

    /// <summary>State of charge, 0..1.</summary>
    public double Soc { get; private set; }

    public double MaxPowerW { get; }

    public double TargetSoc { get; }

    /// <summary>The driver paused charging from the car (SuspendedEV until resumed).</summary>
    public bool Paused { get; set; }

    /// <summary>True when the EV draws nothing: full to its target, or paused.</summary>
    public bool Satisfied => Paused || Soc >= TargetSoc;

    /// <summary>What the EV would draw now, in W, before any limit of the station.</summary>
    public double WantedPowerW()
    {
        if (Satisfied)
        {
            return 0;
        }

        var taper = Soc <= 0.8 ? 1.0 : 1.0 - (0.9 * (Soc - 0.8) / 0.2);
        return MaxPowerW * taper;
    }

    /// <summary>Takes <paramref name="powerW"/> for <paramref name="elapsed"/>; returns the energy stored in Wh.</summary>
    public double Charge(double powerW, TimeSpan elapsed)
    {
        var wh = powerW * elapsed.TotalHours;
        var room = (TargetSoc - Soc) * CapacityWh;
        wh = Math.Clamp(wh, 0, Math.Max(0, room));
        Soc = Math.Min(1, Soc + (wh / CapacityWh));
        return wh;
    }
}
