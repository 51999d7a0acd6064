using System.Globalization;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// The smart charging parts of the OCTT 1.6 cases (§2.22): the "configured" values the document leaves to the
/// tester, profiles built the way its tables describe them, the memory state <i>SetChargingProfile</i> (Table 116),
/// and the check of a GetCompositeSchedule.conf against the composite the lab computes from the profiles it sent
/// (OCPP 1.6 §3.13).
/// </summary>
public static class ChargingProfiles
{
    /// <summary>&lt;Configured max time deviation&gt;: how far the station's clock and schedule start may be off.</summary>
    public static readonly TimeSpan MaxTimeDeviation = TimeSpan.FromSeconds(5);

    /// <summary>&lt;Configured duration&gt; of the single-profile cases, in seconds.</summary>
    public const int Duration = 300;

    /// <summary>&lt;Configured StackLevel&gt; of the single-profile cases.</summary>
    public const int StackLevel = 0;

    /// <summary>
    /// &lt;Configured chargingRateUnit&gt;: A when the station allows Current (ChargingScheduleAllowedChargingRateUnit,
    /// OCPP 1.6 §9.4.3), else W.
    /// </summary>
    public static async Task<ChargingRateUnitType> UnitAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var allowed = await KeyAsync(t, "ChargingScheduleAllowedChargingRateUnit").ConfigureAwait(false) ?? "Current";
        return allowed.Split(',', StringSplitOptions.TrimEntries).Contains("Current", StringComparer.OrdinalIgnoreCase) ? ChargingRateUnitType.A : ChargingRateUnitType.W;
    }

    /// <summary>A configuration key's value as the station reports it (null: unknown or not reported).</summary>
    public static async Task<string?> KeyAsync(CaseContext t, string key)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = [key] }, "config", "OCPP 1.6 §5.8 GetConfiguration").ConfigureAwait(false);
        return answer.ConfigurationKey?.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;
    }

    /// <summary>The document's limits are in A; "If &lt;Configured chargingRateUnit&gt; is W, then the limit field will be multiplied by 1000."</summary>
    public static decimal Limit(ChargingRateUnitType unit, decimal amperes) => unit == ChargingRateUnitType.A ? amperes : amperes * 1000;

    /// <summary>&lt;Configured numberPhases&gt;: 3 on an AC station, omitted on DC.</summary>
    public static int? Phases(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return string.Equals(t.Model.Current, "DC", StringComparison.OrdinalIgnoreCase) ? null : 3;
    }

    /// <summary>"&lt;current dateTime - &lt;Configured max time deviation&gt; seconds&gt;", whole seconds.</summary>
    public static DateTimeOffset Start(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var now = t.Time.GetUtcNow() - MaxTimeDeviation;
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>An Absolute profile as the tables write it: periods as (startPeriod, limit in A).</summary>
    public static ChargingProfile Absolute(CaseContext t, int id, ChargingProfilePurposeType purpose, int stackLevel, ChargingRateUnitType unit, DateTimeOffset start, int duration, params (int StartPeriod, decimal Amperes)[] periods) => new()
    {
        ChargingProfileId = id,
        StackLevel = stackLevel,
        ChargingProfilePurpose = purpose,
        ChargingProfileKind = ChargingProfileKindType.Absolute,
        ChargingSchedule = new ChargingSchedule
        {
            Duration = duration,
            StartSchedule = start,
            ChargingRateUnit = unit,
            ChargingSchedulePeriod = [.. periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.StartPeriod, Limit = Limit(unit, p.Amperes), NumberPhases = Phases(t) })],
        },
    };

    /// <summary>
    /// How long after a limit applies the draw may still be above it: an EV follows a new PWM duty cycle within
    /// 5 s (IEC 61851-1), the station's meter reports it in its next sample.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    /// <summary>How far above the limit a reading may be (meter accuracy, rounding, the EV's own regulation): 10 %.</summary>
    public const decimal LimitTolerance = 0.10m;

    /// <summary>The measurand that shows the draw in <paramref name="unit"/>: Current.Import for A, Power.Active.Import for W.</summary>
    public static string Measured(ChargingRateUnitType unit) => unit == ChargingRateUnitType.A ? "Current.Import" : "Power.Active.Import";

    /// <summary>
    /// The configuration state for <see cref="FollowedAsync"/>: sampled meter values during the transaction
    /// (MeterValueSampleInterval at most the lab's) that carry the measurand of <paramref name="unit"/>
    /// (added to MeterValuesSampledData when missing). <paramref name="keys"/> restores both.
    /// </summary>
    public static async Task MeasuredAsync(CaseContext t, KeySettings keys, ChargingRateUnitType unit, string step)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(keys);
        var interval = await KeySettings.GetAsync(t, "MeterValueSampleInterval", step).ConfigureAwait(false);
        if (!int.TryParse(interval?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > t.Settings.MeterValueSampleInterval)
        {
            await keys.SetAsync(t, "MeterValueSampleInterval", t.Settings.MeterValueSampleInterval.ToString(CultureInfo.InvariantCulture), step).ConfigureAwait(false);
        }

        var measurand = Measured(unit);
        var sampled = (await KeySettings.GetAsync(t, "MeterValuesSampledData", step).ConfigureAwait(false))?.Value ?? string.Empty;
        var list = sampled.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!list.Contains(measurand, StringComparer.OrdinalIgnoreCase))
        {
            await keys.SetAsync(t, "MeterValuesSampledData", string.Join(',', [.. list, measurand]), step).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// OCPP 1.6 §3.13: the Charge Point limits the energy it offers to the limit of its composite schedule. The first
    /// MeterValues.req of the transaction sampled <see cref="SettleTime"/> or more after <paramref name="applied"/> shows
    /// the draw in the limit's unit (Current.Import per phase for A, Power.Active.Import for W) at most
    /// <paramref name="limit"/> plus <see cref="LimitTolerance"/>.
    /// </summary>
    public static async Task FollowedAsync(CaseContext t, string step, int connectorId, int transactionId, ChargingRateUnitType unit, decimal limit, DateTimeOffset applied, string what)
    {
        ArgumentNullException.ThrowIfNull(t);
        const string Requirement = "OCPP 1.6 §3.13 Smart Charging";
        var measurand = unit == ChargingRateUnitType.A ? Measurand.CurrentImport : Measurand.PowerActiveImport;
        var name = Measured(unit);
        var from = applied + SettleTime;
        var values = await t.ExpectAsync(V16Calls.MeterValues, step,
            m => m.ConnectorId == connectorId && m.TransactionId == transactionId && m.MeterValue.Any(v => v.Timestamp >= from && v.SampledValue.Any(s => s.Measurand == measurand)),
            SettleTime + TimeSpan.FromSeconds(2 * t.Settings.MeterValueSampleInterval) + t.Settings.StationTimeout, Requirement).ConfigureAwait(false);
        var readings = values.Request.MeterValue.Where(v => v.Timestamp >= from).SelectMany(v => v.SampledValue)
            .Where(s => s.Measurand == measurand && s.Location is null or Location.Outlet)
            .Select(s => (s.Phase, Value: Reading(s, unit)))
            .Where(r => r.Value is not null)
            .ToList();
        var total = readings.Where(r => r.Phase is null).Select(r => r.Value!.Value).DefaultIfEmpty().Max();
        var phases = readings.Where(r => r.Phase is not null).ToList();
        var drawn = unit == ChargingRateUnitType.A
            ? readings.Select(r => r.Value!.Value).DefaultIfEmpty().Max() // a current limit is per phase
            : total > 0 ? total : phases.Sum(r => r.Value!.Value);
        var allowed = limit * (1 + LimitTolerance);
        var symbol = unit == ChargingRateUnitType.A ? "A" : "W";
        t.Check(drawn <= allowed, step,
            string.Create(CultureInfo.InvariantCulture, $"{name} at most the limit of {what}, {limit} {symbol} (+{LimitTolerance * 100:0} %), {SettleTime.TotalSeconds:0} s after it applies"),
            string.Create(CultureInfo.InvariantCulture, $"{name} is {drawn:0.##} {symbol}") + (phases.Count > 1 ? $" ({string.Join(", ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Value:0.##}")))})" : string.Empty)
                + string.Create(CultureInfo.InvariantCulture, $" in the MeterValues.req sampled at {values.Request.MeterValue[^1].Timestamp:HH:mm:ss}, while the limit is {limit} {symbol}"),
            $"Limit the power offered to the EV to the composite schedule of the installed charging profiles (here {what}): set the EVSE's current limit (the PWM duty cycle of IEC 61851-1) to it as soon as it applies and keep it there (OCPP 1.6 §3.13).",
            values.Call, Requirement);
    }

    /// <summary>A sampled value in the limit's unit (kW and kWh scaled; other units unusable): null when it does not parse.</summary>
    private static decimal? Reading(SampledValue value, ChargingRateUnitType unit)
    {
        if (!decimal.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return (unit, value.Unit) switch
        {
            (ChargingRateUnitType.A, null or UnitOfMeasure.A) => number,
            (ChargingRateUnitType.W, null or UnitOfMeasure.W) => number,
            (ChargingRateUnitType.W, UnitOfMeasure.KW) => number * 1000,
            _ => null,
        };
    }

    /// <summary>Memory state <i>SetChargingProfile</i> (OCTT 1.6 Table 116): the profile is sent and Accepted.</summary>
    public static async Task SetAsync(CaseContext t, int connectorId, ChargingProfile profile, string step)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(profile);
        var answer = await t.SendAsync(V16Calls.SetChargingProfile, new SetChargingProfileRequest { ConnectorId = connectorId, CsChargingProfiles = profile }, step, "OCPP 1.6 §5.16 SetChargingProfile").ConfigureAwait(false);
        t.Require(answer.Status == ChargingProfileStatus.Accepted, step,
            $"SetChargingProfile.conf status is Accepted for {profile.ChargingProfilePurpose} {profile.ChargingProfileId} (stackLevel {profile.StackLevel}) on connector {connectorId}",
            $"status is {answer.Status}",
            $"Accept a valid {profile.ChargingProfilePurpose} on connector {connectorId} and use it for the limits (OCPP 1.6 §3.13, §5.16); reject only what §3.13.1 or the station's limits (ChargeProfileMaxStackLevel, ChargingScheduleMaxPeriods, MaxChargingProfilesInstalled) forbid.",
            requirement: "OCPP 1.6 §5.16 SetChargingProfile");
    }

    /// <summary>Clears profiles the case installed (after the case, whatever happened); a station's refusal here is no finding.</summary>
    public static async Task ClearAsync(CaseContext t, params int[] ids)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            try
            {
                await t.TrySendAsync(V16Calls.ClearChargingProfile, new ClearChargingProfileRequest { Id = id }, "cleanup").ConfigureAwait(false);
            }
            catch (CaseStoppedException)
            {
                // the case's own verdict stands; the return to idle reports a station that stopped answering
            }
        }
    }

    /// <summary>
    /// GetCompositeSchedule.req for the connector, then the document's checks of the answer: Accepted, the connector,
    /// the duration and unit asked, a start within the max time deviation of now, and periods "calculated accordingly"
    /// from <paramref name="installed"/> (connectorId, profile) by OCPP 1.6 §3.13.
    /// </summary>
    public static async Task<GetCompositeScheduleResponse> CompositeAsync(CaseContext t, string step, int connectorId, int duration, ChargingRateUnitType unit, IReadOnlyList<(int ConnectorId, ChargingProfile Profile)> installed, bool inTransaction)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(installed);
        var asked = t.Time.GetUtcNow();
        var answer = await t.SendAsync(V16Calls.GetCompositeSchedule, new GetCompositeScheduleRequest { ConnectorId = connectorId, Duration = duration, ChargingRateUnit = unit }, step, "OCPP 1.6 §5.7 GetCompositeSchedule").ConfigureAwait(false);
        const string Requirement = "OCPP 1.6 §5.7 GetCompositeSchedule, §3.13";
        t.Require(answer.Status == GetCompositeScheduleStatus.Accepted, step, "GetCompositeSchedule.conf status is Accepted", $"status is {answer.Status}",
            $"Answer GetCompositeSchedule for connector {connectorId} with Accepted and the composite schedule of its installed profiles (OCPP 1.6 §5.7).", requirement: Requirement);
        t.Check(answer.ConnectorId == connectorId, step, $"connectorId is {connectorId}", $"connectorId is {Text(answer.ConnectorId)}",
            "Return the connectorId that was asked in GetCompositeSchedule.conf (OCPP 1.6 §6.22).", requirement: Requirement);
        var schedule = answer.ChargingSchedule;
        if (!t.Check(schedule is not null, step, "GetCompositeSchedule.conf has a chargingSchedule", "chargingSchedule is absent",
            "Include the composite chargingSchedule when the status is Accepted (OCPP 1.6 §6.22).", requirement: Requirement))
        {
            return answer;
        }

        t.Check(schedule!.Duration == duration, step, $"chargingSchedule.duration is {duration}", $"duration is {Text(schedule.Duration)}",
            "Give the composite schedule the duration that was asked (OCPP 1.6 §5.7).", requirement: Requirement);
        t.Check(schedule.ChargingRateUnit == unit, step, $"chargingSchedule.chargingRateUnit is {unit}", $"chargingRateUnit is {schedule.ChargingRateUnit}",
            "Express the composite schedule in the chargingRateUnit that was asked (OCPP 1.6 §5.7).", requirement: Requirement);
        var start = schedule.StartSchedule ?? answer.ScheduleStart;
        if (!t.Check(start is { } s && (s - asked).Duration() <= MaxTimeDeviation, step,
            $"the schedule starts now: at most {MaxTimeDeviation.TotalSeconds:0} s between startSchedule and the current time",
            start is null ? "neither startSchedule nor scheduleStart is given" : $"startSchedule is {start.Value:O}, the request was sent at {asked:O}",
            "Start the composite schedule at the time of the request and keep the station's clock synchronised (OCPP 1.6 §5.7, §4.2 currentTime).", requirement: Requirement))
        {
            return answer;
        }

        var observed = schedule.ChargingSchedulePeriod.OrderBy(p => p.StartPeriod).ToList();
        var expected = Expected(installed, connectorId, inTransaction, start!.Value, duration);
        var boundaries = expected.Select(p => p.StartPeriod).Where(s => s > 0).ToList();
        string? mismatch = null;
        for (var second = 0; second < duration && mismatch is null; second++)
        {
            if (boundaries.Any(b => Math.Abs(b - second) <= MaxTimeDeviation.TotalSeconds))
            {
                continue; // around a change the station's and the lab's clocks may differ by the deviation
            }

            var want = expected.LastOrDefault(p => p.StartPeriod <= second).Limit;
            var got = observed.LastOrDefault(p => p.StartPeriod <= second)?.Limit;
            if (want is { } w && (got is not { } g || Math.Abs(g - w) > Math.Max(0.1m, w / 100)))
            {
                mismatch = $"at {second} s the limit is {Text(got)}, expected {w.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        t.Check(mismatch is null, step,
            $"chargingSchedulePeriod calculated from the installed profiles (startPeriod, limit): {Periods(expected)} (\"-\": the station's own limit)",
            $"{mismatch}; the station returned {string.Join(", ", observed.Select(p => $"({p.StartPeriod}, {p.Limit.ToString(CultureInfo.InvariantCulture)})"))}",
            "Combine the installed profiles as OCPP 1.6 §3.13 describes: per purpose the valid profile with the highest stackLevel whose schedule runs prevails, a TxProfile overrules the TxDefaultProfile for the transaction, and the limit is the lowest of that and the ChargePointMaxProfile.",
            requirement: Requirement);
        return answer;
    }

    /// <summary>
    /// The composite the station should report, from <paramref name="start"/> for <paramref name="duration"/> seconds
    /// (OCPP 1.6 §3.13.1–§3.13.3): periods where the limit changes; a null limit where no profile limits. The profiles
    /// are in the unit asked (the cases send one unit).
    /// </summary>
    public static IReadOnlyList<(int StartPeriod, decimal? Limit)> Expected(IReadOnlyList<(int ConnectorId, ChargingProfile Profile)> installed, int connectorId, bool inTransaction, DateTimeOffset start, int duration)
    {
        ArgumentNullException.ThrowIfNull(installed);
        List<(int, decimal?)> periods = [];
        for (var second = 0; second < duration; second++)
        {
            var limit = LimitAt(installed, connectorId, inTransaction, start.AddSeconds(second + 0.5));
            if (periods.Count == 0 || periods[^1].Item2 != limit)
            {
                periods.Add((second, limit));
            }
        }

        return periods;
    }

    private static decimal? LimitAt(IReadOnlyList<(int ConnectorId, ChargingProfile Profile)> installed, int connectorId, bool inTransaction, DateTimeOffset at)
    {
        var max = Prevailing(installed.Where(p => p.ConnectorId == 0 && p.Profile.ChargingProfilePurpose == ChargingProfilePurposeType.ChargePointMaxProfile), at);
        var tx = inTransaction
            ? installed.Where(p => p.ConnectorId == connectorId && p.Profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile && Valid(p.Profile, at)).ToList()
            : [];
        var own = tx.Count > 0
            ? Prevailing(tx, at)
            : Prevailing(installed.Where(p => p.ConnectorId == connectorId && p.Profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxDefaultProfile), at)
                ?? Prevailing(installed.Where(p => p.ConnectorId == 0 && p.Profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxDefaultProfile), at);
        return max is { } m && own is { } o ? Math.Min(m, o) : max ?? own;
    }

    private static decimal? Prevailing(IEnumerable<(int ConnectorId, ChargingProfile Profile)> candidates, DateTimeOffset at)
    {
        int? level = null;
        decimal? limit = null;
        foreach (var (_, profile) in candidates)
        {
            if ((level is null || profile.StackLevel > level) && Valid(profile, at) && PeriodLimit(profile, at) is { } l)
            {
                level = profile.StackLevel;
                limit = l;
            }
        }

        return limit;
    }

    private static bool Valid(ChargingProfile profile, DateTimeOffset at) =>
        (profile.ValidFrom is not { } from || from <= at) && (profile.ValidTo is not { } to || at < to);

    private static decimal? PeriodLimit(ChargingProfile profile, DateTimeOffset at)
    {
        var schedule = profile.ChargingSchedule;
        var offset = (at - (schedule.StartSchedule ?? at)).TotalSeconds;
        if (offset < 0 || (schedule.Duration is { } d && offset >= d))
        {
            return null;
        }

        return schedule.ChargingSchedulePeriod.Where(p => p.StartPeriod <= offset).OrderBy(p => p.StartPeriod).LastOrDefault()?.Limit;
    }

    private static string Periods(IEnumerable<(int StartPeriod, decimal? Limit)> periods) =>
        string.Join(", ", periods.Select(p => $"({p.StartPeriod}, {(p.Limit is { } l ? l.ToString(CultureInfo.InvariantCulture) : "-")})"));

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "absent";

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "absent";
}
