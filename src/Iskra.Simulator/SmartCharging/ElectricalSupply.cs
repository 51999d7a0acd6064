using Iskra.Simulator.Model;

namespace Iskra.Simulator.SmartCharging;

/// <summary>What converts a current limit into power and back: the voltage and the phases of a connector.</summary>
public sealed record ElectricalSupply(double Voltage, int Phases, bool Dc)
{
    public static ElectricalSupply Of(ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Voltage, options.Phases, options.Dc);
    }

    /// <summary>A limit in W; a limit in A is per phase, on <paramref name="numberPhases"/> phases when given (AC).</summary>
    public double Watts(double limit, RateUnit unit, int? numberPhases = null) =>
        unit == RateUnit.W ? limit
        : Dc ? limit * Voltage
        : limit * Voltage * (numberPhases ?? Phases);

    /// <summary>A power in the given unit (A per phase on all the connector's phases).</summary>
    public double In(double watts, RateUnit unit) =>
        unit == RateUnit.W ? watts
        : Dc ? watts / Voltage
        : watts / (Voltage * Phases);
}
