namespace Iskra.Simulator.SmartCharging;

/// <summary>How a profile's schedule is anchored in time (1.6 ChargingProfileKindType, 2.0.1 ChargingProfileKindEnumType).</summary>
public enum ProfileKind
{
    /// <summary>From its startSchedule.</summary>
    Absolute,

    /// <summary>From its startSchedule, again every day or week.</summary>
    Recurring,

    /// <summary>From the start of the transaction (or from now when there is none).</summary>
    Relative,
}
