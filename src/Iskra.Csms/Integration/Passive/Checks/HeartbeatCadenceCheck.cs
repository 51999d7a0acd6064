using System.Globalization;
using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// Heartbeats at the interval the CSMS set in the BootNotification answer (1.6 §4.2, §4.6; 2.0.1
/// B01.FR.04, G02). An interval shorter than the set one by more than <see cref="PassiveOptions.HeartbeatTolerance"/>
/// counts as too fast; one longer by as much, with no other message in between, as too slow. After
/// <see cref="PassiveOptions.HeartbeatSamples"/> consecutive off intervals, a finding.
/// </summary>
internal sealed class HeartbeatCadenceCheck
{
    public const string Id = "passive/heartbeat-interval";

    private DateTimeOffset? _last;
    private bool _otherSinceLast;
    private int _fast;
    private int _slow;

    /// <summary>The interval the CSMS set, null until an answered boot on this connection.</summary>
    public TimeSpan? Expected { get; private set; }

    public void Booted(TimeSpan interval)
    {
        Expected = interval;
        _last = null;
        _fast = _slow = 0;
    }

    public void OtherMessage() => _otherSinceLast = true;

    /// <summary>One heartbeat; the observed interval when it completes a run of off intervals.</summary>
    public TimeSpan? Heartbeat(DateTimeOffset now, PassiveOptions options)
    {
        var last = _last;
        var other = _otherSinceLast;
        _last = now;
        _otherSinceLast = false;
        if (last is not { } previous || Expected is not { } expected || expected <= TimeSpan.Zero)
        {
            return null;
        }

        var interval = now - previous;
        var tolerance = expected * options.HeartbeatTolerance;
        _fast = interval < expected - tolerance ? _fast + 1 : 0;
        _slow = interval > expected + tolerance && !other ? _slow + 1 : 0;
        return _fast >= options.HeartbeatSamples || _slow >= options.HeartbeatSamples ? interval : null;
    }

    public static Finding Build(OcppVersion version, TimeSpan expected, TimeSpan observed, int samples, EvidenceFrame frame) =>
        new(
            version == OcppVersion.V16 ? "OCPP 1.6 §4.2 BootNotification.conf interval, §4.6 Heartbeat, §9.1.10 HeartbeatInterval" : "OCPP 2.0.1 B01.FR.04 (interval of BootNotificationResponse), G02, OCPPCommCtrlr.HeartbeatInterval",
            string.Create(CultureInfo.InvariantCulture, $"a Heartbeat every {expected.TotalSeconds:0.#} s, the interval set by the CSMS"),
            string.Create(CultureInfo.InvariantCulture, $"{samples} heartbeats in a row {(observed < expected ? "too fast" : "too slow")}: the latest {observed.TotalSeconds:0.#} s after the one before"),
            "Adopt the interval of the BootNotification answer (and of ChangeConfiguration/SetVariables HeartbeatInterval) for the heartbeat timer, and persist it.",
            [frame])
        {
            Check = Id,
        };
}
