using System.Text.Json.Nodes;
using Iskra.Simulator.Model;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>The 2.0.1 messages a TriggerMessage asks for (F06), sent shortly after the answer.</summary>
internal static class V201Triggers
{
    /// <summary>MeterValues of each EVSE with context Trigger (TC_F_11_CS/TC_F_12_CS).</summary>
    public static void MeterValues(SimStation station, IReadOnlyList<Connector> connectors) =>
        Triggers.Soon(station, () =>
        {
            foreach (var connector in connectors)
            {
                station.Protocol.IdleMeterValues(connector, "Trigger", Triggers.Readings(station, connector));
            }
        });

    /// <summary>An Updated TransactionEvent with triggerReason Trigger for each running transaction (TC_F_13_CS/TC_F_14_CS).</summary>
    public static void TransactionEvents(SimStation station, IReadOnlyList<Connector> connectors) =>
        Triggers.Soon(station, () =>
        {
            foreach (var connector in connectors)
            {
                if (connector.Session is { } session)
                {
                    station.Protocol.TransactionUpdated(connector, session, "Trigger", "Trigger", Triggers.Readings(station, connector));
                }
            }
        });

    /// <summary>L01.FR.25/26: the last status (Idle after Installed), with the update's requestId when there is one.</summary>
    public static void FirmwareStatus(SimStation station) =>
        Send(station, "FirmwareStatusNotification", () =>
        {
            var payload = new JsonObject { ["status"] = Triggers.FirmwareStatus(station) };
            if (station.FirmwareRequestId is { } requestId)
            {
                payload["requestId"] = requestId;
            }

            return payload;
        });

    /// <summary>N01.FR.12: Uploading with its requestId while an upload runs, else Idle.</summary>
    public static void LogStatus(SimStation station) =>
        Send(station, "LogStatusNotification", () =>
        {
            var uploading = Triggers.Uploading(station);
            var payload = new JsonObject { ["status"] = uploading ? "Uploading" : "Idle" };
            if (uploading && station.UploadRequestId is { } requestId)
            {
                payload["requestId"] = requestId;
            }

            return payload;
        });

    private static void Send(SimStation station, string action, Func<JsonObject> build) =>
        Triggers.Soon(station, () => station.Outbox.Enqueue(new OutboundMessage(action, build, transactional: false)));
}
