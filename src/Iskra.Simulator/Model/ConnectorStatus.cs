namespace Iskra.Simulator.Model;

/// <summary>
/// A connector's state, in the 1.6 vocabulary (1.6 §4.9). A 2.0.1 station reports the Preparing…Finishing
/// states as Occupied and carries the finer state in the transaction's chargingState.
/// </summary>
public enum ConnectorStatus
{
    Available,
    Preparing,
    Charging,
    SuspendedEV,
    SuspendedEVSE,
    Finishing,
    Reserved,
    Unavailable,
    Faulted,
}
