using System.Globalization;
using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// A station timestamp more than <see cref="PassiveOptions.MaxClockSkew"/> ahead of the server's receive
/// time. Messages queued while offline (and resent ones) legitimately carry past times, so only the
/// future is judged; a clock far behind shows as late transaction timestamps (TransactionProblems.LateTimestamp). The station should set
/// its clock from the currentTime of BootNotification and Heartbeat answers (1.6 §4.2, §4.6; 2.0.1 B01, G02).
/// </summary>
internal static class ClockDriftCheck
{
    public const string Id = "passive/clock-drift";

    public static Finding Build(OcppVersion version, string action, string field, TimeSpan skew, PassiveOptions options, EvidenceFrame frame) =>
        new(
            version == OcppVersion.V16 ? "OCPP 1.6 §4.2 BootNotification.conf currentTime, §4.6 Heartbeat (clock synchronisation)" : "OCPP 2.0.1 B01 (BootNotificationResponse currentTime), G02 Heartbeat",
            string.Create(CultureInfo.InvariantCulture, $"station timestamps within {options.MaxClockSkew.TotalMinutes:0.#} min of the CSMS's clock"),
            string.Create(CultureInfo.InvariantCulture, $"{action}.{field} is {Math.Abs(skew.TotalMinutes):0.#} min {(skew > TimeSpan.Zero ? "ahead of" : "behind")} the CSMS's clock"),
            "Synchronise the clock: use NTP, or adopt currentTime from the BootNotification and Heartbeat answers; keep the clock in UTC.",
            [frame])
        {
            Check = Id,
        };
}
