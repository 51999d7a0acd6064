using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Simulator.Authorization;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// OCPP 2.0.1: the station's events as 2.0.1 messages (TransactionEvent with seqNo, E01–E07), and the
/// 2.0.1 calls routed to their handlers. Each EVSE has one connector (connectorId 1).
/// </summary>
internal sealed class V201Protocol(SimStation station) : StationProtocol(station)
{
    public override OcppVersion Version => OcppVersion.V201;

    public override JsonObject BootPayload(string reason)
    {
        var options = Station.Options;
        var chargingStation = new JsonObject
        {
            ["model"] = options.Model,
            ["vendorName"] = options.Vendor,
            ["firmwareVersion"] = Station.FirmwareVersion,
        };
        if (options.SerialNumber is { } serial)
        {
            chargingStation["serialNumber"] = serial;
        }

        return new JsonObject { ["chargingStation"] = chargingStation, ["reason"] = reason };
    }

    public override void SendStatus(Connector connector, string? info)
    {
        var at = Now;
        var status = ConnectorStatus(connector.Status);
        Station.Outbox.Enqueue(new OutboundMessage("StatusNotification", () => new JsonObject
        {
            ["timestamp"] = Payloads.Time(at),
            ["connectorStatus"] = status,
            ["evseId"] = connector.Id,
            ["connectorId"] = 1,
        }, transactional: false));
    }

    public override OutboundMessage Authorize(string idTag) =>
        new("Authorize", () => new JsonObject { ["idToken"] = IdToken(idTag) }, transactional: false);

    public override IdTagEntry ReadAuthorize(string idTag, JsonElement answer) => IdTokenInfo(idTag, answer.GetProperty("idTokenInfo"));

    public override void TransactionStarted(Connector connector, ChargingSession session, string trigger, IReadOnlyList<MeterReading> readings)
    {
        var at = session.StartedAt;
        var message = Event(connector, session, "Started", trigger, at, "Transaction.Begin", readings, includeToken: true);
        Station.Outbox.Enqueue(new OutboundMessage("TransactionEvent", message, transactional: true)
        {
            OnAnswer = answer =>
            {
                if (answer.TryGetProperty("idTokenInfo", out var info) && IdTokenInfo(session.IdTag, info).Status != "Accepted")
                {
                    Station.Logic.RefusedAfterStart(connector, session);
                }
            },
        });
    }

    public override void TransactionUpdated(Connector connector, ChargingSession session, string trigger, string context, IReadOnlyList<MeterReading> readings, DateTimeOffset? at = null) =>
        Station.Outbox.Enqueue(new OutboundMessage("TransactionEvent", Event(connector, session, "Updated", trigger, at ?? Now, context, readings, includeToken: false), transactional: true));

    public override void TransactionEnded(Connector connector, ChargingSession session, string trigger, IReadOnlyList<MeterReading> readings)
    {
        var final = Station.Faults.IsOn(StationFault.MeterStopBelowStart) ? MeterReadings.StopBelowStart(session, readings) : readings;
        Station.Outbox.Enqueue(new OutboundMessage("TransactionEvent", Event(connector, session, "Ended", trigger, Now, "Transaction.End", final, includeToken: trigger == "StopAuthorized"), transactional: true)
        {
            // I03: the final cost comes with the answer to Ended; the driver sees it on the display.
            OnAnswer = answer =>
            {
                if (answer.TryGetProperty("totalCost", out var cost) && cost.ValueKind == JsonValueKind.Number)
                {
                    Station.Log.Note($"Final cost of transaction {session.LocalId}: {cost.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
                }
            },
        });
    }

    public override void IdleMeterValues(Connector connector, string context, IReadOnlyList<MeterReading> readings, DateTimeOffset? at = null)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var taken = at ?? Now;
        Station.Outbox.Enqueue(new OutboundMessage("MeterValues", () => new JsonObject
        {
            ["evseId"] = connector.Id,
            ["meterValue"] = new JsonArray(MeterValue(taken, context, readings)),
        }, transactional: false));
    }

    public override void ReservationEnded(Reservation reservation, bool expired) =>
        Station.Outbox.Enqueue(new OutboundMessage("ReservationStatusUpdate", () => new JsonObject
        {
            ["reservationId"] = reservation.Id,
            ["reservationUpdateStatus"] = expired ? "Expired" : "Removed",
        }, transactional: false));

    protected override FrozenDictionary<string, CallHandler> Routes => V201Routes.Handlers;

    /// <summary>One 2.0.1 MeterValue: the readings as sampledValue entries (numbers, unitOfMeasure objects).</summary>
    internal static JsonObject MeterValue(DateTimeOffset at, string context, IReadOnlyList<MeterReading> readings)
    {
        var sampled = new JsonArray();
        foreach (var reading in readings)
        {
            var value = new JsonObject
            {
                ["value"] = reading.Value,
                ["context"] = context,
                ["measurand"] = reading.Measurand,
                ["location"] = reading.Location,
            };
            if (reading.Phase is { } phase)
            {
                value["phase"] = phase;
            }

            if (reading.Unit is { } unit)
            {
                value["unitOfMeasure"] = new JsonObject { ["unit"] = unit };
            }

            sampled.Add(value);
        }

        return new JsonObject { ["timestamp"] = Payloads.Time(at), ["sampledValue"] = sampled };
    }

    internal static JsonObject IdToken(string idTag) => new() { ["idToken"] = idTag, ["type"] = "ISO14443" };

    /// <summary>The 2.0.1 connector status: the 1.6 Preparing…Finishing states are all Occupied.</summary>
    private static string ConnectorStatus(ConnectorStatus status) => status switch
    {
        Model.ConnectorStatus.Available => "Available",
        Model.ConnectorStatus.Reserved => "Reserved",
        Model.ConnectorStatus.Unavailable => "Unavailable",
        Model.ConnectorStatus.Faulted => "Faulted",
        _ => "Occupied",
    };

    private static string ChargingState(Connector connector) => connector.Status switch
    {
        Model.ConnectorStatus.Charging => "Charging",
        Model.ConnectorStatus.SuspendedEV => "SuspendedEV",
        Model.ConnectorStatus.SuspendedEVSE => "SuspendedEVSE",
        _ => connector.Plugged ? "EVConnected" : "Idle",
    };

    /// <summary>The 2.0.1 stoppedReason for the 1.6 reason the model uses.</summary>
    private static string StoppedReason(string? reason) => reason switch
    {
        "Local" or "Remote" or "EVDisconnected" or "PowerLoss" or "DeAuthorized" or "Reboot" or "EmergencyStop" => reason,
        "HardReset" or "SoftReset" => "ImmediateReset",
        _ => "Other",
    };

    /// <summary>
    /// Builds a TransactionEvent when it is sent; the seqNo is taken at the event (E01.FR.xx: one
    /// sequence per transaction, in order), and offline events say so (E04).
    /// </summary>
    private Func<JsonObject?> Event(Connector connector, ChargingSession session, string eventType, string trigger, DateTimeOffset at, string context, IReadOnlyList<MeterReading> readings, bool includeToken)
    {
        var seqNo = session.NextSeqNo++;
        var offline = !Station.IsOnline;
        var chargingState = eventType == "Ended" ? (connector.Plugged ? "EVConnected" : "Idle") : ChargingState(connector);
        var seconds = (int)session.SecondsCharging;
        return () =>
        {
            var info = new JsonObject
            {
                ["transactionId"] = session.LocalId,
                ["chargingState"] = chargingState,
                ["timeSpentCharging"] = seconds,
            };
            if (eventType == "Ended")
            {
                info["stoppedReason"] = StoppedReason(session.StopReason);
            }

            if (session.RemoteStartId is { } remoteStartId && eventType == "Started")
            {
                info["remoteStartId"] = remoteStartId;
            }

            var payload = new JsonObject
            {
                ["eventType"] = eventType,
                ["timestamp"] = Payloads.Time(at),
                ["triggerReason"] = trigger,
                ["seqNo"] = seqNo,
                ["transactionInfo"] = info,
            };
            if (offline)
            {
                payload["offline"] = true;
            }

            if (eventType == "Started" || trigger == "Trigger")
            {
                // The first event names the EVSE (E01), and so does a triggered one (TC_F_14_CS: evse.id per EVSE).
                payload["evse"] = new JsonObject { ["id"] = connector.Id, ["connectorId"] = 1 };
            }

            if (eventType == "Started" && session.ReservationId is { } reservation)
            {
                payload["reservationId"] = reservation;
            }

            if (includeToken)
            {
                payload["idToken"] = IdToken(session.IdTag);
            }

            if (readings.Count > 0)
            {
                payload["meterValue"] = new JsonArray(MeterValue(at, context, readings));
            }

            return payload;
        };
    }

    private static IdTagEntry IdTokenInfo(string idTag, JsonElement info) => new(
        idTag,
        info.GetProperty("status").GetString() ?? "Invalid",
        info.TryGetProperty("cacheExpiryDateTime", out var expiry) ? expiry.GetDateTimeOffset() : null,
        info.TryGetProperty("groupIdToken", out var group) ? Payloads.String(group, "idToken") : null);
}
