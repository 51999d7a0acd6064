using System.Globalization;
using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// After an accepted BootNotification a station reports the status of each connector (1.6 §4.9, 2.0.1
/// B01.FR.05): no StatusNotification within <see cref="PassiveOptions.StatusAfterBootTimeout"/> is a finding.
/// </summary>
internal static class StatusAfterBootCheck
{
    public const string Id = "passive/no-status-after-boot";

    public static Finding Build(OcppVersion version, TimeSpan timeout, EvidenceFrame boot) =>
        new(
            version == OcppVersion.V16 ? "OCPP 1.6 §4.9 StatusNotification (after a boot, the status of every connector)" : "OCPP 2.0.1 B01.FR.05",
            "a StatusNotification for each connector after the accepted BootNotification",
            string.Create(CultureInfo.InvariantCulture, $"no StatusNotification within {timeout.TotalSeconds:0.#} s of the accepted BootNotification"),
            "After each accepted boot, send a StatusNotification for every connector (and connector 0 in 1.6) with its current status, not only on changes.",
            [boot])
        {
            Check = Id,
        };
}
