using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Simulator.Authorization;
using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Protocol;

/// <summary>
/// What differs between the versions: how the station's events become OCPP messages, and how the
/// CSMS's calls are answered. The rules themselves (when to start, stop, sample) are version-neutral
/// in <see cref="ChargingLogic"/>; a protocol only speaks.
/// </summary>
internal abstract class StationProtocol(SimStation station)
{
    protected SimStation Station { get; } = station;

    public abstract OcppVersion Version { get; }

    /// <summary>The BootNotification payload; <paramref name="reason"/> is the 2.0.1 BootReason spelling.</summary>
    public abstract JsonObject BootPayload(string reason);

    /// <summary>The BootNotification answer; both versions name its fields alike.</summary>
    public static BootAnswer ReadBoot(JsonElement answer) => new(
        answer.GetProperty("status").GetString() ?? "Rejected",
        answer.GetProperty("interval").GetInt32(),
        answer.TryGetProperty("currentTime", out var time) ? time.GetDateTimeOffset() : null);

    /// <summary>Queues a StatusNotification of the connector's current status; <paramref name="info"/> is the 1.6 free text (2.0.1 has none).</summary>
    public abstract void SendStatus(Connector connector, string? info);

    /// <summary>A Heartbeat: an empty payload on both versions.</summary>
    public static OutboundMessage Heartbeat() => new("Heartbeat", () => [], transactional: false);

    public abstract OutboundMessage Authorize(string idTag);

    public abstract IdTagEntry ReadAuthorize(string idTag, JsonElement answer);

    /// <summary>The transaction began; <paramref name="trigger"/> is the 2.0.1 TriggerReason spelling.</summary>
    public abstract void TransactionStarted(Connector connector, ChargingSession session, string trigger, IReadOnlyList<MeterReading> readings);

    /// <summary>Meter values (or a state change) during the transaction; <paramref name="context"/> is the ReadingContext.</summary>
    public abstract void TransactionUpdated(Connector connector, ChargingSession session, string trigger, string context, IReadOnlyList<MeterReading> readings, DateTimeOffset? at = null);

    /// <summary>The transaction ended with <see cref="ChargingSession.StopReason"/>; <paramref name="readings"/> are the final values.</summary>
    public abstract void TransactionEnded(Connector connector, ChargingSession session, string trigger, IReadOnlyList<MeterReading> readings);

    /// <summary>Clock-aligned values of a connector without a transaction.</summary>
    public abstract void IdleMeterValues(Connector connector, string context, IReadOnlyList<MeterReading> readings, DateTimeOffset? at = null);

    /// <summary>The station as a whole is available or not: 1.6 reports it as connector 0 (1.6 §4.9); 2.0.1 has no such status.</summary>
    public virtual void SendStationStatus(bool available)
    {
    }

    /// <summary>A reservation ended without being used (expired or cancelled); 2.0.1 reports it (H01.FR.16).</summary>
    public virtual void ReservationEnded(Reservation reservation, bool expired)
    {
    }

    /// <summary>Answers one CALL of the CSMS (already validated against its schema).</summary>
    /// <remarks>A known action without a handler is NotSupported, as on a station without that feature profile.</remarks>
    public ValueTask<RpcReply> HandleAsync(RpcCall call, CancellationToken cancellationToken) =>
        Routes.TryGetValue(call.Action, out var handler)
            ? handler(Station, call, cancellationToken)
            : ValueTask.FromResult(RpcReply.Error(OcppErrorCode.NotSupported, $"{call.Action} is not supported by this station."));

    /// <summary>The version's handlers of CSMS calls (<c>V16Routes</c>, <c>V201Routes</c>).</summary>
    protected abstract FrozenDictionary<string, CallHandler> Routes { get; }

    /// <summary>The station's clock as a wire timestamp value.</summary>
    protected DateTimeOffset Now => Station.Now;
}
