using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;

namespace Iskra.Simulator.Stations;

/// <summary>
/// What the station does on the CSMS's remote-control commands, version-neutral: the handlers of both
/// versions decide Accepted/Rejected here and the action follows shortly after the answer
/// (<see cref="StationOptions.ActionDelay"/>), as on a real station.
/// </summary>
internal static class RemoteActions
{
    /// <summary>
    /// Remote start (1.6 §5.11, 2.0.1 F01/F02): accepted when a connector can take the id tag. With
    /// AuthorizeRemoteTxRequests the id tag is authorized first; the transaction starts once the EV is plugged in.
    /// </summary>
    public static async Task<bool> StartAsync(SimStation station, int? connectorId, string idTag, int? remoteStartId)
    {
        if (station.Faults.IsOn(StationFault.RejectsRemoteStart))
        {
            return false;
        }

        var connector = await station.LockedAsync(() => Choose(station, connectorId, idTag)).ConfigureAwait(false);
        if (connector is null)
        {
            return false;
        }

        station.Later(station.Options.ActionDelay, async () =>
        {
            if (station.Faults.IsOn(StationFault.NoTransactionAfterRemoteStart))
            {
                station.Log.Note($"Remote start for {idTag} accepted and ignored.");
                return;
            }

            if (station.Configuration.GetBool("AuthorizeRemoteTxRequests", false)
                && await station.AuthorizeAsync(idTag).ConfigureAwait(false) != "Accepted")
            {
                station.Log.Note($"Remote start for {idTag}: not authorized.");
                return;
            }

            await station.LockedAsync(() => station.Logic.Authorized(connector, idTag, remoteStartId, remote: true)).ConfigureAwait(false);
        });
        return true;
    }

    /// <summary>Remote stop (1.6 §5.12, 2.0.1 F03): accepted when a transaction matches; it stops shortly after.</summary>
    public static async Task<bool> StopAsync(SimStation station, Func<ChargingSession, bool> match)
    {
        var connector = await station.LockedAsync(() => station.Connectors.FirstOrDefault(c => c.Session is { } s && match(s))).ConfigureAwait(false);
        if (connector is null)
        {
            return false;
        }

        station.Later(station.Options.ActionDelay, () => station.LockedAsync(() => station.Logic.StopTransaction(connector, "Remote", "RemoteStop")));
        return true;
    }

    /// <summary>The connector a remote start goes to: the one named, or the first free one (a plugged-in EV first).</summary>
    private static Connector? Choose(SimStation station, int? connectorId, string idTag)
    {
        if (connectorId is { } id)
        {
            return id >= 1 && id <= station.Connectors.Count && ChargingLogic.CanStart(station.Connectors[id - 1], idTag)
                ? station.Connectors[id - 1]
                : null;
        }

        var free = station.Connectors.Where(c => ChargingLogic.CanStart(c, idTag)).ToList();
        return free.FirstOrDefault(c => c.Plugged) ?? free.FirstOrDefault();
    }
}
