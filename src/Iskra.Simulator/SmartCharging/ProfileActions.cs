using Iskra.Simulator.Stations;

namespace Iskra.Simulator.SmartCharging;

/// <summary>
/// What the station does on the CSMS's smart-charging calls, version-neutral (1.6 §3.13/§5.16, 2.0.1 K01,
/// K08, K10): the handlers of both versions translate their payloads and decide here, under the lock.
/// </summary>
internal static class ProfileActions
{
    /// <summary>
    /// Checks and installs a profile (SetChargingProfile). <paramref name="transactionId"/> is the wire id a
    /// TxProfile names (the 1.6 integer as text, or the 2.0.1 string); <paramref name="v201"/> picks the
    /// version's rules. Returns false when the station rejects it.
    /// </summary>
    public static Task<bool> InstallAsync(SimStation station, ChargingProfile profile, string? transactionId, bool v201) => station.LockedAsync(() =>
    {
        var configuration = station.Configuration;
        var unitAllowed = configuration.GetList("ChargingScheduleAllowedChargingRateUnit")
            .Contains(profile.Unit == RateUnit.A ? "Current" : "Power", StringComparer.OrdinalIgnoreCase);
        if (profile.ConnectorId < 0 || profile.ConnectorId > station.Connectors.Count || !unitAllowed
            || profile.Periods.Count == 0 || profile.Periods.Count > configuration.GetInt("ChargingScheduleMaxPeriods", 24)
            || profile.StackLevel > configuration.GetInt("ChargeProfileMaxStackLevel", 10)
            // 1.6 §3.13.1: ChargePointMaxProfile only on connector 0, TxProfile only on a connector > 0.
            || (profile.Purpose == ProfilePurpose.StationMax && profile.ConnectorId != 0)
            || (profile.Purpose == ProfilePurpose.Tx && profile.ConnectorId == 0))
        {
            return false;
        }

        if (profile.Purpose == ProfilePurpose.Tx)
        {
            // 1.6 §3.13.1: a TxProfile without a transaction on its connector is discarded; 2.0.1 K01.FR.03 needs its transactionId.
            var session = station.Connectors[profile.ConnectorId - 1].Session;
            var matches = session is not null && (transactionId is null
                ? !v201
                : transactionId == (v201 ? session.LocalId : session.CsmsTransactionId?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (!matches)
            {
                return false;
            }

            profile = profile with { TransactionId = session!.LocalId };
        }

        var installed = station.ChargingProfiles.Install(profile with { InstalledAt = station.Now }, replaceSameStackLevel: !v201, configuration.GetInt("MaxChargingProfilesInstalled", 10));
        ChargingLimits.Apply(station);
        return installed;
    });

    /// <summary>ClearChargingProfile: by id, else every profile matching all the criteria given. Returns how many went.</summary>
    public static Task<int> ClearAsync(SimStation station, int? id, int? connectorId, ProfilePurpose? purpose, int? stackLevel) => station.LockedAsync(() =>
    {
        var cleared = id is { } profileId
            ? station.ChargingProfiles.Clear(p => p.Id == profileId)
            : station.ChargingProfiles.Clear(p => (connectorId is not { } c || p.ConnectorId == c)
                && (purpose is not { } u || p.Purpose == u) && (stackLevel is not { } s || p.StackLevel == s));
        ChargingLimits.Apply(station);
        return cleared;
    });

    /// <summary>
    /// GetCompositeSchedule: the connector's (0: the station's) composite schedule from now (whole seconds) for
    /// <paramref name="duration"/> seconds, limits in <paramref name="unit"/>; null for an unknown connector.
    /// </summary>
    public static Task<(DateTimeOffset Start, IReadOnlyList<SchedulePeriod> Periods)?> CompositeAsync(SimStation station, int connectorId, int duration, RateUnit unit) =>
        station.LockedAsync<(DateTimeOffset, IReadOnlyList<SchedulePeriod>)?>(() =>
        {
            if (connectorId < 0 || connectorId > station.Connectors.Count)
            {
                return null;
            }

            ChargingLimits.Apply(station); // a remote start's TxProfile belongs to its transaction from the start, not from the next tick
            var now = station.Now;
            var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var connector = connectorId == 0 ? station.Connectors[0] : station.Connectors[connectorId - 1];
            var context = connectorId == 0 ? new ScheduleContext(0, ElectricalSupply.Of(connector.Options)) : ChargingLimits.Context(connector);
            var hardware = connectorId == 0 ? station.Connectors.Sum(c => c.Options.MaxPowerW) : connector.Options.MaxPowerW;
            var periods = CompositeSchedule.Calculate(station.ChargingProfiles.Profiles, context, start, Math.Max(1, duration), hardware);
            return (start, [.. periods.Select(p => new SchedulePeriod(p.StartPeriod, Math.Round(context.Supply.In(p.LimitW, unit), 1)))]);
        });

    /// <summary>
    /// A remote start with a charging profile (1.6 §5.16.2, 2.0.1 F01.FR.08): the profile must be a TxProfile; it waits
    /// for the transaction the start begins and becomes its TxProfile. Returns whether the start was accepted.
    /// </summary>
    public static async Task<bool> RemoteStartAsync(SimStation station, int? connectorId, string idTag, int? remoteStartId, ChargingProfile? profile)
    {
        if (profile is null)
        {
            return await RemoteActions.StartAsync(station, connectorId, idTag, remoteStartId).ConfigureAwait(false);
        }

        if (profile.Purpose != ProfilePurpose.Tx)
        {
            return false;
        }

        var pending = new PendingTxProfile(profile, idTag, connectorId, remoteStartId, station.Now);
        station.ChargingProfiles.AwaitTransaction(pending);
        var accepted = await RemoteActions.StartAsync(station, connectorId, idTag, remoteStartId).ConfigureAwait(false);
        if (!accepted)
        {
            station.ChargingProfiles.Forget(pending);
        }

        return accepted;
    }
}
