namespace Iskra.Simulator.SmartCharging;

/// <summary>The period a Recurring profile repeats with.</summary>
public enum Recurrency
{
    Daily,
    Weekly,
}
