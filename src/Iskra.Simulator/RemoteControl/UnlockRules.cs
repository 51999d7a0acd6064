using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.RemoteControl;

/// <summary>UnlockConnector, version-neutral (1.6 §5.18, 2.0.1 F05).</summary>
internal static class UnlockRules
{
    /// <summary>
    /// Unlocks the connector. A running transaction is stopped first (reason UnlockCommand) when
    /// <paramref name="stopRunning"/> (1.6 §5.18); otherwise the unlock is refused while one runs
    /// (2.0.1 F05.FR.02). A jammed lock does not move: Failed (1.6 UnlockFailed, 2.0.1 UnlockFailed).
    /// </summary>
    public static Task<UnlockOutcome> UnlockAsync(SimStation station, Connector connector, bool stopRunning) =>
        station.LockedAsync(() =>
        {
            if (connector.Session is not null)
            {
                if (!stopRunning)
                {
                    return UnlockOutcome.OngoingTransaction;
                }

                station.Logic.StopTransaction(connector, "UnlockCommand", "UnlockCommand");
            }

            if (connector.LockJammed)
            {
                station.Log.Note($"Connector {connector.Id}: the lock is jammed, unlocking failed.");
                return UnlockOutcome.Failed;
            }

            connector.CableLocked = false;
            station.Log.Note($"Connector {connector.Id} unlocked.");
            return UnlockOutcome.Unlocked;
        });
}
