namespace Iskra.Server.Demo;

/// <summary>The <c>Demo</c> configuration section; <c>--demo</c> sets <c>Demo:Enabled=true</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>Runs simulated stations inside the server, charging against its own database.</summary>
    public bool Enabled { get; set; }

    /// <summary>Multiplies the drivers' durations (1: idle 30 s–3 min, charge 2–6 min; 0.01 makes sessions last seconds).</summary>
    public double SessionScale { get; set; } = 1.0;

    /// <summary>Seconds between the stations' meter values (their MeterValueSampleInterval).</summary>
    public int MeterValueSeconds { get; set; } = 10;
}
