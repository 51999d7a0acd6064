namespace Iskra.Simulator.Model;

/// <summary>One connector's hardware: AC or DC, its phases and the most it can deliver.</summary>
public sealed record ConnectorOptions
{
    /// <summary>Direct current (a fast charger) or alternating current (a wallbox).</summary>
    public bool Dc { get; init; }

    /// <summary>Phases of an AC connector (1 or 3); ignored for DC.</summary>
    public int Phases { get; init; } = 3;

    /// <summary>The most current per phase (AC) or in total (DC), in A.</summary>
    public double MaxCurrentA { get; init; } = 32;

    /// <summary>The voltage: phase-to-neutral for AC (230), the battery side for DC (400).</summary>
    public double Voltage => Dc ? 400 : 230;

    /// <summary>The connector's maximum power in W.</summary>
    public double MaxPowerW => Dc ? MaxCurrentA * Voltage : MaxCurrentA * Voltage * Phases;

    /// <summary>An 11 kW three-phase AC wallbox connector.</summary>
    public static ConnectorOptions Ac11kW { get; } = new() { Phases = 3, MaxCurrentA = 16 };

    /// <summary>A 22 kW three-phase AC connector.</summary>
    public static ConnectorOptions Ac22kW { get; } = new() { Phases = 3, MaxCurrentA = 32 };

    /// <summary>A 50 kW DC fast-charging connector.</summary>
    public static ConnectorOptions Dc50kW { get; } = new() { Dc = true, MaxCurrentA = 125 };
}
