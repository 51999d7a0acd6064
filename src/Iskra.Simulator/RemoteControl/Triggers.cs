using Iskra.Simulator.Model;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.RemoteControl;

/// <summary>
/// TriggerMessage, version-neutral (1.6 §5.17, 1.6 security ExtendedTriggerMessage, 2.0.1 F06): the
/// station answers first and sends the requested message shortly after (1.6 §5.17: "SHALL first send the
/// TriggerMessage response"). The version handlers build the messages whose shape differs.
/// </summary>
internal static class Triggers
{
    /// <summary>The connectors a trigger concerns: the one named, or all for none / 0; null when no such connector.</summary>
    public static IReadOnlyList<Connector>? Targets(SimStation station, int? id) =>
        id is null or 0 ? station.Connectors
        : id > 0 && id <= station.Connectors.Count ? [station.Connector(id.Value)]
        : null;

    /// <summary>Sends shortly after the answer, under the station's lock.</summary>
    public static void Soon(SimStation station, Action send) =>
        station.Later(station.Options.ActionDelay, () => station.LockedAsync(send));

    /// <summary>
    /// A triggered BootNotification: while Pending the next one goes out now instead of after the
    /// interval (1.6 §4.2, 2.0.1 B02); once accepted it is sent again (1.6 only: 2.0.1 F06.FR.17 rejects).
    /// </summary>
    public static void Boot(SimStation station)
    {
        if (station.Registration != "Accepted")
        {
            station.Link.BootNow();
            return;
        }

        Soon(station, () => station.Outbox.Enqueue(new OutboundMessage("BootNotification", () => station.Protocol.BootPayload(station.BootReason), transactional: false)));
    }

    public static void Heartbeat(SimStation station) => Soon(station, () => station.Outbox.Enqueue(StationProtocol.Heartbeat()));

    public static void Statuses(SimStation station, IReadOnlyList<Connector> connectors) =>
        Soon(station, () =>
        {
            foreach (var connector in connectors)
            {
                station.Protocol.SendStatus(connector, null);
            }
        });

    /// <summary>The most recent measurements of every measurand in MeterValuesSampledData (1.6 §5.17).</summary>
    public static IReadOnlyList<MeterReading> Readings(SimStation station, Connector connector) =>
        station.Logic.Readings(connector, "MeterValuesSampledData");

    /// <summary>
    /// The firmware status a trigger reports: the last one sent, except Idle after Installed
    /// (2.0.1 L01.FR.25/26, 1.6 security L01.FR.28/29; 1.6 §4.5: Idle only when triggered and not busy).
    /// </summary>
    public static string FirmwareStatus(SimStation station) => station.FirmwareStatus == "Installed" ? "Idle" : station.FirmwareStatus;

    /// <summary>An upload is running: a triggered diagnostics/log status reports it, else Idle (1.6 §4.4, N01.FR.12).</summary>
    public static bool Uploading(SimStation station) => station.UploadStatus == "Uploading";
}
