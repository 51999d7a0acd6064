using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.RemoteControl;

/// <summary>
/// ChangeAvailability, version-neutral (1.6 §5.2, 2.0.1 G03 station / G04 EVSE). An Inoperative
/// connector is Unavailable once idle; one with a transaction keeps charging and the change is
/// Scheduled: the state machine (<see cref="ChargingLogic.IdleStatus"/>) makes it Unavailable when the
/// transaction ends. Operative makes it usable again at once.
/// </summary>
internal static class AvailabilityRules
{
    /// <summary>Changes one connector, or every connector when <paramref name="connector"/> is null (1.6 connectorId 0, 2.0.1 no evse).</summary>
    public static Task<AvailabilityOutcome> ChangeAsync(SimStation station, Connector? connector, bool operative) =>
        station.LockedAsync(() =>
        {
            var scheduled = false;
            foreach (var target in connector is null ? station.Connectors : [connector])
            {
                target.Inoperative = !operative;
                if (target.Session is not null)
                {
                    // 1.6 §5.2, 2.0.1 G03/G04: a running transaction is not interrupted.
                    scheduled |= !operative;
                    continue;
                }

                if (!operative)
                {
                    target.Pending = null; // an authorization waiting for the plug cannot start here any more
                }

                station.Logic.SetStatus(target, ChargingLogic.IdleStatus(target));
            }

            if (connector is null)
            {
                station.StationInoperative = !operative;
                station.Protocol.SendStationStatus(operative);
            }

            station.Log.Note($"Availability of {(connector is null ? "the station" : $"connector {connector.Id}")}: {(operative ? "Operative" : "Inoperative")}{(scheduled ? ", scheduled after the transaction" : string.Empty)}.");
            return scheduled ? AvailabilityOutcome.Scheduled : AvailabilityOutcome.Accepted;
        });
}
