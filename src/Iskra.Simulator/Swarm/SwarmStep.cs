namespace Iskra.Simulator.Swarm;

/// <summary>One step of a swarm station's script, version-neutral; <see cref="SwarmFrames"/> spells it per version.</summary>
public enum SwarmStep
{
    /// <summary>BootNotification, sent once after every connect.</summary>
    Boot,

    Heartbeat,

    /// <summary>The EV is plugged in: StatusNotification Preparing (1.6) / Occupied (2.0.1).</summary>
    Plug,

    /// <summary>StartTransaction (1.6) / TransactionEvent Started (2.0.1).</summary>
    Start,

    /// <summary>MeterValues of the running transaction (1.6) / TransactionEvent Updated (2.0.1).</summary>
    Meter,

    /// <summary>StopTransaction (1.6) / TransactionEvent Ended (2.0.1).</summary>
    Stop,

    /// <summary>The EV is gone: StatusNotification Available.</summary>
    Unplug,

    /// <summary>MeterValues outside a transaction (connector 1 / EVSE 1), both versions.</summary>
    StationMeter,
}
