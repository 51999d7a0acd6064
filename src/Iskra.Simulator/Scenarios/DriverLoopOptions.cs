namespace Iskra.Simulator.Scenarios;

/// <summary>How the simulated drivers of a <see cref="DriverLoop"/> behave: their cards and how long things take.</summary>
public sealed record DriverLoopOptions
{
    /// <summary>The cards drivers present (one picked at random per session).</summary>
    public IReadOnlyList<string> Cards { get; init; } = ["SIM-CARD-1", "SIM-CARD-2", "SIM-CARD-3"];

    /// <summary>How long a connector stays free between sessions.</summary>
    public TimeSpan MinIdle { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxIdle { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long an EV stays plugged in with its transaction running.</summary>
    public TimeSpan MinCharge { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan MaxCharge { get; init; } = TimeSpan.FromMinutes(8);

    /// <summary>The little waits of a driver: from plugging in to the card, from the stop to unplugging.</summary>
    public TimeSpan MinStep { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxStep { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Multiplies every duration above (0.01 makes a session last seconds, for tests).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Seed of the drivers' randomness (each connector gets seed + its id); null for a random one.</summary>
    public int? Seed { get; init; }
}
