using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.SmartCharging;

/// <summary>
/// Each tick, under the station's lock: remote-start TxProfiles join their new transaction, TxProfiles of
/// ended transactions go (1.6 §3.13.1), and every connector's <see cref="Connector.LimitW"/> becomes its
/// composite limit now, which the EV's draw follows (a limit of 0 suspends it: SuspendedEVSE).
/// </summary>
internal static class ChargingLimits
{
    public static void Apply(SimStation station)
    {
        var store = station.ChargingProfiles;
        var now = station.Now;
        foreach (var connector in station.Connectors)
        {
            if (connector.Session is { } session && store.TakeFor(connector, session) is { } pending)
            {
                var profile = pending.Profile with { ConnectorId = connector.Id, TransactionId = session.LocalId, InstalledAt = now };
                store.Install(profile, replaceSameStackLevel: true, int.MaxValue);
            }
        }

        store.ExpirePending(now - TimeSpan.FromSeconds(station.Configuration.GetInt("ConnectionTimeOut", 120) + 60));
        store.Clear(p => p.Purpose == ProfilePurpose.Tx
            && !station.Connectors.Any(c => c.Id == p.ConnectorId && c.Session is { } s && s.LocalId == p.TransactionId));

        var profiles = store.Profiles;
        foreach (var connector in station.Connectors)
        {
            connector.LimitW = profiles.Count == 0 ? null : CompositeSchedule.LimitAt(profiles, Context(connector), now);
        }
    }

    /// <summary>The schedule context of a connector now: its supply and its running transaction.</summary>
    public static ScheduleContext Context(Connector connector) =>
        new(connector.Id, ElectricalSupply.Of(connector.Options), connector.Session?.LocalId, connector.Session?.StartedAt);
}
