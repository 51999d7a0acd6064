namespace Iskra.Simulator.SmartCharging;

/// <summary>The unit of a schedule's limits: amperes per phase or watts.</summary>
public enum RateUnit
{
    A,
    W,
}
