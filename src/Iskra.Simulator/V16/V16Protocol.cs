using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Simulator.Authorization;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>OCPP 1.6-J: the station's events as 1.6 messages, and the 1.6 calls routed to their handlers.</summary>
internal sealed class V16Protocol(SimStation station) : StationProtocol(station)
{
    public override OcppVersion Version => OcppVersion.V16;

    public override JsonObject BootPayload(string reason)
    {
        var options = Station.Options;
        var payload = new JsonObject
        {
            ["chargePointVendor"] = options.Vendor,
            ["chargePointModel"] = options.Model,
            ["firmwareVersion"] = Station.FirmwareVersion,
        };
        if (options.SerialNumber is { } serial)
        {
            payload["chargePointSerialNumber"] = serial;
        }

        return payload;
    }

    public override void SendStatus(Connector connector, string? info)
    {
        var at = Now;
        var status = connector.Status.ToString();
        var errorCode = connector.ErrorCode;
        Station.Outbox.Enqueue(new OutboundMessage("StatusNotification", () =>
        {
            var payload = new JsonObject
            {
                ["connectorId"] = connector.Id,
                ["errorCode"] = errorCode,
                ["status"] = status,
                ["timestamp"] = Payloads.Time(at),
            };
            if (info is not null)
            {
                payload["info"] = info;
            }

            return payload;
        }, transactional: false));
    }

    public override void SendStationStatus(bool available)
    {
        var at = Now;
        Station.Outbox.Enqueue(new OutboundMessage("StatusNotification", () => new JsonObject
        {
            ["connectorId"] = 0,
            ["errorCode"] = "NoError",
            ["status"] = available ? "Available" : "Unavailable",
            ["timestamp"] = Payloads.Time(at),
        }, transactional: false));
    }

    public override OutboundMessage Authorize(string idTag) => new("Authorize", () => new JsonObject { ["idTag"] = idTag }, transactional: false);

    public override IdTagEntry ReadAuthorize(string idTag, JsonElement answer) => IdTagInfo(idTag, answer.GetProperty("idTagInfo"));

    public override void TransactionStarted(Connector connector, ChargingSession session, string trigger, IReadOnlyList<MeterReading> readings)
    {
        var at = session.StartedAt;
        var meterStart = (int)Math.Round(session.MeterStartWh);
        Station.Outbox.Enqueue(new OutboundMessage("StartTransaction", () =>
        {
            var payload = new JsonObject
            {
                ["connectorId"] = connector.Id,
                ["idTag"] = session.IdTag,
                ["meterStart"] = meterStart,
                ["timestamp"] = Payloads.Time(at),
            };
            if (session.ReservationId is { } reservation)
            {
                payload["reservationId"] = reservation;
            }

            return payload;
        }, transactional: true)
        {
            OnAnswer = answer =>
            {
                session.CsmsTransactionId = answer.GetProperty("transactionId").GetInt32();
                var info = IdTagInfo(session.IdTag, answer.GetProperty("idTagInfo"));
                session.ParentIdTag = info.ParentIdTag ?? session.ParentIdTag;
                if (info.Status != "Accepted")
                {
                    Station.Logic.RefusedAfterStart(connector, session);
                }
            },
        });
    }

    public override void TransactionUpdated(Connector connector, ChargingSession session, string trigger, string context, IReadOnlyList<MeterReading> readings, DateTimeOffset? at = null)
    {
        if (readings.Count == 0)
        {
            return; // 1.6 reports state changes by StatusNotification only
        }

        var taken = at ?? Now;
        Station.Outbox.Enqueue(new OutboundMessage("MeterValues", () =>
        {
            var payload = new JsonObject
            {
                ["connectorId"] = connector.Id,
                ["meterValue"] = new JsonArray(MeterValue(taken, context, readings)),
            };
            if (session.CsmsTransactionId is { } id)
            {
                payload["transactionId"] = id;
            }

            return payload;
        }, transactional: true));
    }

    public override void TransactionEnded(Connector connector, ChargingSession session, string trigger, IReadOnlyList<MeterReading> readings)
    {
        var at = Now;
        var meterStop = (int)Math.Round(Station.Faults.IsOn(StationFault.MeterStopBelowStart) ? session.MeterStartWh - MeterReadings.StopSetback : connector.RegisterWh);
        var reason = session.StopReason ?? "Local";
        Station.Outbox.Enqueue(new OutboundMessage("StopTransaction", () =>
        {
            var payload = new JsonObject
            {
                ["meterStop"] = meterStop,
                ["timestamp"] = Payloads.Time(at),
                ["transactionId"] = session.CsmsTransactionId ?? 0,
                ["reason"] = reason,
            };
            if (reason is "Local" or "DeAuthorized")
            {
                payload["idTag"] = session.StopIdTag ?? session.IdTag;
            }

            if (readings.Count > 0)
            {
                payload["transactionData"] = new JsonArray(MeterValue(at, "Transaction.End", readings));
            }

            return payload;
        }, transactional: true));
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
            ["connectorId"] = connector.Id,
            ["meterValue"] = new JsonArray(MeterValue(taken, context, readings)),
        }, transactional: false));
    }

    protected override FrozenDictionary<string, CallHandler> Routes => V16Routes.Handlers;

    /// <summary>One 1.6 MeterValue: the readings as sampledValue entries (values are strings in 1.6).</summary>
    internal static JsonObject MeterValue(DateTimeOffset at, string context, IReadOnlyList<MeterReading> readings)
    {
        var sampled = new JsonArray();
        foreach (var reading in readings)
        {
            var value = new JsonObject
            {
                ["value"] = reading.Value.ToString(CultureInfo.InvariantCulture),
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
                value["unit"] = unit;
            }

            sampled.Add(value);
        }

        return new JsonObject { ["timestamp"] = Payloads.Time(at), ["sampledValue"] = sampled };
    }

    private static IdTagEntry IdTagInfo(string idTag, JsonElement info) => new(
        idTag,
        info.GetProperty("status").GetString() ?? "Invalid",
        info.TryGetProperty("expiryDate", out var expiry) ? expiry.GetDateTimeOffset() : null,
        Payloads.String(info, "parentIdTag"));
}
