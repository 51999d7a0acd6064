using System.Text.Json.Nodes;
using Iskra.Simulator.Model;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>The 1.6 messages a TriggerMessage or ExtendedTriggerMessage asks for, sent shortly after the answer.</summary>
internal static class V16Triggers
{
    /// <summary>1.6 §5.17: the most recent readings of each connector, with its transactionId when a transaction runs.</summary>
    public static void MeterValues(SimStation station, IReadOnlyList<Connector> connectors) =>
        Triggers.Soon(station, () =>
        {
            foreach (var connector in connectors)
            {
                var readings = Triggers.Readings(station, connector);
                if (readings.Count == 0)
                {
                    continue;
                }

                var at = station.Now;
                var transactionId = connector.Session?.CsmsTransactionId;
                station.Outbox.Enqueue(new OutboundMessage("MeterValues", () =>
                {
                    var payload = new JsonObject
                    {
                        ["connectorId"] = connector.Id,
                        ["meterValue"] = new JsonArray(V16Protocol.MeterValue(at, "Trigger", readings)),
                    };
                    if (transactionId is { } id)
                    {
                        payload["transactionId"] = id;
                    }

                    return payload;
                }, transactional: false));
            }
        });

    /// <summary>1.6 §4.4: Uploading while an upload runs, else Idle ("only ... triggered by a TriggerMessage").</summary>
    public static void DiagnosticsStatus(SimStation station) =>
        Send(station, "DiagnosticsStatusNotification", () => new JsonObject { ["status"] = Triggers.Uploading(station) ? "Uploading" : "Idle" });

    /// <summary>
    /// 1.6 §4.5 FirmwareStatusNotification, in the 1.6 FirmwareStatus vocabulary: the status of an update in
    /// progress, else Idle ("when it is not busy downloading/installing firmware"), also after one failed.
    /// </summary>
    public static void FirmwareStatus(SimStation station) =>
        Send(station, "FirmwareStatusNotification", () => new JsonObject { ["status"] = Busy(Plain(station.FirmwareStatus)) });

    /// <summary>1.6 security L01.FR.28/29: an ExtendedTriggerMessage FirmwareStatusNotification is a SignedFirmwareStatusNotification.</summary>
    public static void SignedFirmwareStatus(SimStation station) =>
        Send(station, "SignedFirmwareStatusNotification", () =>
        {
            var payload = new JsonObject { ["status"] = Triggers.FirmwareStatus(station) };
            if (station.FirmwareRequestId is { } requestId)
            {
                payload["requestId"] = requestId;
            }

            return payload;
        });

    /// <summary>1.6 security N01.FR.12: requestId only while an upload runs.</summary>
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

    private static string Busy(string status) => status is "Downloading" or "Downloaded" or "Installing" ? status : "Idle";

    /// <summary>A security-extension firmware status in the plain 1.6 FirmwareStatus words.</summary>
    private static string Plain(string status) => status switch
    {
        "Downloaded" or "DownloadFailed" or "Downloading" or "Idle" or "InstallationFailed" or "Installing" or "Installed" => status,
        "DownloadScheduled" or "DownloadPaused" => "Downloading",
        "SignatureVerified" => "Downloaded",
        "InstallScheduled" or "InstallRebooting" => "Installing",
        "InvalidSignature" or "InstallVerificationFailed" => "InstallationFailed",
        _ => "Idle",
    };
}
