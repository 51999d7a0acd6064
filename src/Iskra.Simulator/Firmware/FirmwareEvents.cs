using System.Text.Json.Nodes;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Firmware;

/// <summary>The security events of firmware updates (1.6 security whitepaper appendix 1, 2.0.1 appendix "Security events").</summary>
internal static class FirmwareEvents
{
    /// <summary>The signing certificate of an update was refused (answered InvalidCertificate).</summary>
    public static void InvalidSigningCertificate(SimStation station) =>
        station.Later(station.Options.ActionDelay, () => SendAsync(station, "InvalidFirmwareSigningCertificate", CancellationToken.None));

    /// <summary>SecurityEventNotification {type, timestamp}: the same shape in 1.6 security and 2.0.1.</summary>
    public static Task SendAsync(SimStation station, string type, CancellationToken token)
    {
        var at = station.Now;
        return Deliveries.SendAsync(station, "SecurityEventNotification", () => new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = Payloads.Time(at),
        }, token);
    }
}
