namespace Iskra.Simulator.Stations;

/// <summary>
/// The cable retention lock of a socket connector as hardware: it can jam, and a cable pushed in only
/// halfway cannot be locked (1.6 ChargePointErrorCode ConnectorLockFailure).
/// </summary>
internal static class CableLock
{
    /// <summary>The lock jams: UnlockConnector answers UnlockFailed (1.6 §5.18) until <see cref="FreeAsync"/>.</summary>
    public static Task JamAsync(SimStation station, int connectorId) => station.LockedAsync(() =>
    {
        station.Connector(connectorId).LockJammed = true;
        station.Log.Note($"Connector {connectorId}: the lock is jammed.");
    });

    public static Task FreeAsync(SimStation station, int connectorId) => station.LockedAsync(() =>
    {
        station.Connector(connectorId).LockJammed = false;
        station.Log.Note($"Connector {connectorId}: the lock moves again.");
    });

    /// <summary>
    /// A cable pushed into the socket only halfway: the lock cannot engage, so the connector reports
    /// Faulted with ConnectorLockFailure (1.6 §7.6) and no transaction starts; an authorization that
    /// waited for the cable is dropped. Clearing the fault stands for pulling the cable out again.
    /// </summary>
    public static Task PlugHalfwayAsync(SimStation station, int connectorId) => station.LockedAsync(() =>
    {
        var connector = station.Connector(connectorId);
        if (connector.Plugged || connector.CableInSocket || connector.Session is not null)
        {
            throw new InvalidOperationException($"Connector {connectorId} already has a cable plugged in.");
        }

        connector.Pending = null;
        connector.ErrorCode = "ConnectorLockFailure";
        station.Log.Note($"Connector {connectorId}: a cable is in halfway, the lock cannot engage.");
        station.Logic.SetStatus(connector, Model.ConnectorStatus.Faulted);
    });
}
