namespace Iskra.Simulator.Swarm;

/// <summary>The OCPP actions a swarm station sends, one latency histogram each.</summary>
public enum SwarmAction
{
    BootNotification,
    Heartbeat,
    StatusNotification,
    MeterValues,
    StartTransaction,
    StopTransaction,
    TransactionEvent,
}
