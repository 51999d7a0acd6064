using System.Text.Json;
using Iskra.Csms.Integration.Passive.Checks;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using V16 = Iskra.Ocpp.V16.Messages;
using V201 = Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Integration.Passive;

/// <summary>
/// The passive checks of one station connection: it sees each CALL the router answered (<see cref="OnCall"/>,
/// on the connection's answer loop), the frames of Iskra's own CALLs and their answers (<see cref="OnFrame"/>),
/// and the deadlines that pass in silence (<see cref="Sweep"/>, from <see cref="PassiveSweep"/>). State is
/// in memory and bounded; payloads are read in place. What it finds goes to its <see cref="IPassiveSink"/>:
/// <see cref="PassiveFindings"/> for the fleet; while the lab holds the station, the lab's own watch
/// (<see cref="ForContent"/>) sees the calls instead, and this one sees nothing.
/// </summary>
public sealed class StationWatch
{
    private readonly IPassiveSink _sink;
    private readonly bool _timing; // false: the content checks only (no deadlines, answers or heartbeat cadence)
    private readonly PassiveOptions _options;
    private readonly TimeProvider _time;
    private readonly HeartbeatCadenceCheck _heartbeat = new();
    private readonly MessageIdReuseCheck _ids;
    private readonly MeterWatch _meters;
    private readonly Lock _gate = new();

    // Shared with the receive loop, the sender and the sweep: under _gate.
    private DateTimeOffset? _statusDeadline;
    private EvidenceFrame? _boot;
    private OutboundCall? _outbound;
    private OutboundCall? _timedOut;
    private DateTimeOffset? _remoteStartDeadline;
    private int? _remoteStartConnector;
    private readonly bool[] _available = new bool[16]; // per connector (1.6) or EVSE (2.0.1): Available at its last status
    private EvidenceFrame[] _remoteStartFrames = [];
    private int _answersWatched; // 1 while an outbound call (or a timed-out one) waits for its answer
    private long _newHeartbeatTicks; // an interval accepted through ChangeConfiguration/SetVariables

    internal StationWatch(IPassiveSink sink, string stationId, OcppVersion version, PassiveOptions options, TimeProvider time, bool timing = true)
    {
        _sink = sink;
        _timing = timing;
        _options = options;
        _time = time;
        StationId = stationId;
        Version = version;
        _ids = new MessageIdReuseCheck(options.MessageIdWindow);
        _meters = new MeterWatch(this, version, options);
    }

    /// <summary>
    /// A watch of the checks that judge a message by its content alone (energy unit, register backwards, meterStop
    /// below meterStart, timestamp zone, clock drift, message id reuse, schema), reporting to <paramref name="sink"/>.
    /// The checks of time and of Iskra's own calls (status after boot, late answers, remote start, heartbeat cadence)
    /// stay off: <see cref="OnFrame"/> and <see cref="Sweep"/> do nothing. For a claimed station, whose claim
    /// (the lab) has its own steps for those; it is no connection of <see cref="PassiveFindings"/>, nothing sweeps it.
    /// </summary>
    public static StationWatch ForContent(string stationId, OcppVersion version, PassiveOptions options, TimeProvider time, IPassiveSink sink)
    {
        ArgumentNullException.ThrowIfNull(stationId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(sink);
        return new StationWatch(sink, stationId, version, options, time, timing: false);
    }

    public string StationId { get; }

    public OcppVersion Version { get; }

    /// <summary>From the station's last BootNotification on this connection.</summary>
    public string? Vendor { get; private set; }

    public string? Model { get; private set; }

    /// <summary>A CALL of the station and the router's answer to it.</summary>
    public void OnCall(RpcCall call, RpcReply reply)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(reply);
        var now = _time.GetUtcNow();
        if (_ids.Observe(call.MessageId, call.Action) is { } earlier && Sighted(MessageIdReuseCheck.Id, now))
        {
            Store(MessageIdReuseCheck.Build(Version, call.MessageId, earlier, call.Action, Evidence.Call(call, now)), now);
        }

        if (call.Action == "BootNotification")
        {
            Booted(call, reply, now);
        }

        if (reply.IsError)
        {
            if (SchemaCheck.IsSchemaError(reply.ErrorCode))
            {
                Refused(call, reply, now);
            }

            return;
        }

        var payload = call.Payload;
        switch (call.Action)
        {
            case "Heartbeat":
                if (_timing)
                {
                    Heartbeat(call, now);
                }

                return; // it carries no timestamp
            case "StatusNotification":
                Status(payload);
                break;
            case "StartTransaction" when reply.Value is V16.StartTransactionResponse started:
                _meters.Started(started.TransactionId, PassiveJson.TryGet(payload, "meterStart"u8, out var start) && start.TryGetDouble(out var wh) ? wh : 0, now);
                ClearRemoteStart();
                break;
            case "MeterValues" when Version == OcppVersion.V16 && PassiveJson.TryInt(payload, "transactionId"u8, out var id):
                _meters.Readings(_meters.Find(id, now), PassiveJson.TryGet(payload, "meterValue"u8, out var values) ? values : default, false, call, now);
                break;
            case "StopTransaction" when PassiveJson.TryInt(payload, "transactionId"u8, out var id):
                var stopped = _meters.Find(id, now);
                _meters.Readings(stopped, PassiveJson.TryGet(payload, "transactionData"u8, out var data) ? data : default, false, call, now);
                _meters.Stopped(stopped, PassiveJson.TryGet(payload, "meterStop"u8, out var stop) && stop.TryGetDouble(out var stopWh) ? stopWh : double.MaxValue, call, now);
                break;
            case "TransactionEvent":
                TransactionEvent(call, now);
                break;
            default:
                break;
        }

        _heartbeat.OtherMessage();
        Timestamps(call, now);
    }

    /// <summary>A frame of the connection: Iskra's CALLs and the station's answers to them are watched.</summary>
    public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
    {
        if (!_timing)
        {
            return;
        }

        if (direction == RpcFrameDirection.Outgoing)
        {
            // Iskra writes frames compactly: a CALL starts with [2, and nothing else of ours does.
            if (utf8Frame.Length > 3 && utf8Frame[0] == (byte)'[' && utf8Frame[1] == (byte)'2' && utf8Frame[2] == (byte)',')
            {
                Sent(utf8Frame);
            }

            return;
        }

        if (Volatile.Read(ref _answersWatched) == 1)
        {
            Answered(utf8Frame);
        }
    }

    /// <summary>Deadlines that passed without the message that should have come.</summary>
    internal void Sweep(DateTimeOffset now)
    {
        if (!_timing)
        {
            return;
        }

        Finding? status = null;
        Finding? late = null;
        Finding? remote = null;
        lock (_gate)
        {
            if (_statusDeadline <= now && _boot is { } boot)
            {
                _statusDeadline = null;
                status = StatusAfterBootCheck.Build(Version, _options.StatusAfterBootTimeout, boot);
            }

            if (_outbound is { } call && now - call.SentAt > _options.AnswerTimeout)
            {
                _outbound = null;
                _timedOut = call;
                late = LateAnswerCheck.Build(Version, call.Action, _options.AnswerTimeout, null, [call.Frame]);
            }

            if (_remoteStartDeadline <= now)
            {
                // A connector still (or again) Available: no EV came within ConnectionTimeOut, nothing to start.
                _remoteStartDeadline = null;
                if (_remoteStartConnector is not { } connector || connector < 0 || connector >= _available.Length || !_available[connector])
                {
                    remote = RemoteStartCheck.Build(Version, _options.RemoteStartTimeout, _remoteStartFrames);
                }
            }
        }

        Report(status, now);
        Report(late, now);
        Report(remote, now);
    }

    /// <summary>Drops the deadlines and the awaited answer (the station is claimed: its traffic is not seen here).</summary>
    internal void Forget()
    {
        lock (_gate)
        {
            _statusDeadline = null;
            _remoteStartDeadline = null;
            _outbound = null;
            _timedOut = null;
            Volatile.Write(ref _answersWatched, 0);
        }
    }

    /// <summary>The connection ended: its deadlines go with it.</summary>
    public void Close() => _sink.Closed(this);

    internal bool Sighted(string check, DateTimeOffset now) => _sink.Sighted(this, check, now);

    internal void Store(Finding finding, DateTimeOffset now) => _sink.Store(this, finding, now);

    private void Report(Finding? finding, DateTimeOffset now)
    {
        if (finding is not null && Sighted(finding.Check!, now))
        {
            Store(finding, now);
        }
    }

    private void Booted(RpcCall call, RpcReply reply, DateTimeOffset now)
    {
        var payload = call.Payload;
        if (Version == OcppVersion.V16)
        {
            Vendor = PassiveJson.String(payload, "chargePointVendor"u8) ?? Vendor;
            Model = PassiveJson.String(payload, "chargePointModel"u8) ?? Model;
        }
        else if (PassiveJson.TryGet(payload, "chargingStation"u8, out var station))
        {
            Vendor = PassiveJson.String(station, "vendorName"u8) ?? Vendor;
            Model = PassiveJson.String(station, "model"u8) ?? Model;
        }

        var (interval, accepted) = reply.Value switch
        {
            V16.BootNotificationResponse r => (r.Interval, r.Status == V16.RegistrationStatus.Accepted),
            V201.BootNotificationResponse r => (r.Interval, r.Status == V201.RegistrationStatusEnumType.Accepted),
            _ => (0, false),
        };
        if (!accepted || !_timing)
        {
            return;
        }

        if (interval > 0)
        {
            _heartbeat.Booted(TimeSpan.FromSeconds(interval));
        }

        var frame = Evidence.Call(call, now);
        lock (_gate)
        {
            _statusDeadline = now + _options.StatusAfterBootTimeout;
            _boot = frame;
        }
    }

    private void Heartbeat(RpcCall call, DateTimeOffset now)
    {
        if (Interlocked.Exchange(ref _newHeartbeatTicks, 0) is var ticks and > 0)
        {
            _heartbeat.Booted(TimeSpan.FromTicks(ticks));
        }

        if (_heartbeat.Heartbeat(now, _options) is { } interval && _heartbeat.Expected is { } expected && Sighted(HeartbeatCadenceCheck.Id, now))
        {
            Store(HeartbeatCadenceCheck.Build(Version, expected, interval, _options.HeartbeatSamples, Evidence.Call(call, now)), now);
        }
    }

    private void Status(JsonElement payload)
    {
        var v16 = Version == OcppVersion.V16;
        var known = PassiveJson.TryInt(payload, v16 ? "connectorId"u8 : "evseId"u8, out var connector) && connector >= 0 && connector < _available.Length;
        var available = PassiveJson.Is(payload, v16 ? "status"u8 : "connectorStatus"u8, "Available"u8);
        lock (_gate)
        {
            _statusDeadline = null;
            if (known)
            {
                _available[connector] = available;
            }
        }
    }

    private void TransactionEvent(RpcCall call, DateTimeOffset now)
    {
        var payload = call.Payload;
        if (!PassiveJson.TryGet(payload, "transactionInfo"u8, out var info) || !PassiveJson.TryGet(info, "transactionId"u8, out var id) || id.ValueKind != JsonValueKind.String)
        {
            return;
        }

        if (PassiveJson.Is(payload, "eventType"u8, "Started"u8) || PassiveJson.Has(info, "remoteStartId"u8))
        {
            ClearRemoteStart();
        }

        var ended = PassiveJson.Is(payload, "eventType"u8, "Ended"u8);
        var tx = _meters.Find(id, now);
        if (PassiveJson.TryGet(payload, "meterValue"u8, out var values))
        {
            _meters.Readings(tx, values, ended, call, now);
        }

        if (ended)
        {
            _meters.Remove(tx);
        }
    }

    private void ClearRemoteStart()
    {
        lock (_gate)
        {
            _remoteStartDeadline = null;
        }
    }

    /// <summary>A schema CALLERROR from the router: a timestamp without a zone (2.0.1) is named as such.</summary>
    private void Refused(RpcCall call, RpcReply reply, DateTimeOffset now)
    {
        if (Unzoned(call.Payload, out var field))
        {
            if (Sighted(TimestampZoneCheck.Id, now))
            {
                Store(TimestampZoneCheck.Build(Version, call.Action, field, Evidence.Call(call, now)), now);
            }

            return;
        }

        if (Sighted(SchemaCheck.Id, now))
        {
            Store(SchemaCheck.Build(Version, call.Action, reply.ErrorCode, reply.ErrorDescription ?? string.Empty, Evidence.Call(call, now)), now);
        }
    }

    /// <summary>The message's own timestamp and those of its meter values: zone (1.6 accepts none) and drift.</summary>
    private void Timestamps(RpcCall call, DateTimeOffset now)
    {
        var payload = call.Payload;
        if (PassiveJson.TryGet(payload, "timestamp"u8, out var stamp) && Judge(call, stamp, "timestamp", now))
        {
            return;
        }

        var values = PassiveJson.TryGet(payload, "meterValue"u8, out var v) ? v : PassiveJson.TryGet(payload, "transactionData"u8, out var d) ? d : default;
        if (values.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in values.EnumerateArray())
        {
            if (PassiveJson.TryGet(item, "timestamp"u8, out var itemStamp) && Judge(call, itemStamp, Version == OcppVersion.V16 && call.Action == "StopTransaction" ? "transactionData[].timestamp" : "meterValue[].timestamp", now))
            {
                return;
            }
        }
    }

    /// <summary>True when the timestamp made a sighting (one per message is enough).</summary>
    private bool Judge(RpcCall call, JsonElement stamp, string field, DateTimeOffset now)
    {
        if (!PassiveJson.TryTimestamp(stamp, out var at, out var zoned))
        {
            return false;
        }

        if (!zoned)
        {
            if (Sighted(TimestampZoneCheck.Id, now))
            {
                Store(TimestampZoneCheck.Build(Version, call.Action, field, Evidence.Call(call, now)), now);
            }

            return true;
        }

        // Ahead only: a message queued while offline (or resent) carries a past time legitimately.
        var skew = at - now;
        if (skew > _options.MaxClockSkew)
        {
            if (Sighted(ClockDriftCheck.Id, now))
            {
                Store(ClockDriftCheck.Build(Version, call.Action, field, skew, _options, Evidence.Call(call, now)), now);
            }

            return true;
        }

        return false;
    }

    private static bool Unzoned(JsonElement payload, out string field)
    {
        field = "timestamp";
        if (PassiveJson.TryGet(payload, "timestamp"u8, out var stamp) && PassiveJson.TryTimestamp(stamp, out _, out var zoned) && !zoned)
        {
            return true;
        }

        if (PassiveJson.TryGet(payload, "meterValue"u8, out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in values.EnumerateArray())
            {
                if (PassiveJson.TryGet(item, "timestamp"u8, out var s) && PassiveJson.TryTimestamp(s, out _, out var z) && !z)
                {
                    field = "meterValue[].timestamp";
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>One of Iskra's CALLs went out (rare next to the station's traffic): remember it until its answer.</summary>
    private void Sent(ReadOnlySpan<byte> utf8Frame)
    {
        var now = _time.GetUtcNow();
        if (OutboundCall.TryRead(utf8Frame, now) is not { } call)
        {
            return;
        }

        lock (_gate)
        {
            _outbound = call;
            _timedOut = null;
            Volatile.Write(ref _answersWatched, 1);
        }
    }

    /// <summary>A frame from the station while one of Iskra's CALLs waits: its answer, in time or late.</summary>
    private void Answered(ReadOnlySpan<byte> utf8Frame)
    {
        if (!OutboundCall.TryReadAnswer(utf8Frame, out var messageId))
        {
            return;
        }

        var now = _time.GetUtcNow();
        OutboundCall? answered = null;
        OutboundCall? late = null;
        lock (_gate)
        {
            if (_outbound is { } call && call.MessageId == messageId)
            {
                answered = call;
                _outbound = null;
            }
            else if (_timedOut is { } gone && gone.MessageId == messageId)
            {
                late = gone;
                _timedOut = null;
            }

            if (_outbound is null && _timedOut is null)
            {
                Volatile.Write(ref _answersWatched, 0);
            }
        }

        if (late is not null)
        {
            Report(LateAnswerCheck.Build(Version, late.Action, _options.AnswerTimeout, now - late.SentAt, [late.Frame, Evidence.Raw(utf8Frame, true, now)]), now);
            return;
        }

        if (answered is null)
        {
            return;
        }

        if (now - answered.SentAt > _options.AnswerTimeout)
        {
            Report(LateAnswerCheck.Build(Version, answered.Action, _options.AnswerTimeout, now - answered.SentAt, [answered.Frame, Evidence.Raw(utf8Frame, true, now)]), now);
            return;
        }

        if (answered.HeartbeatInterval is { } interval && OutboundCall.Accepted(utf8Frame, answered.Action))
        {
            Interlocked.Exchange(ref _newHeartbeatTicks, interval.Ticks);
        }

        if (answered.IsRemoteStart && OutboundCall.Accepted(utf8Frame, answered.Action))
        {
            lock (_gate)
            {
                _remoteStartDeadline = now + _options.RemoteStartTimeout;
                _remoteStartConnector = answered.Connector;
                _remoteStartFrames = [answered.Frame, Evidence.Raw(utf8Frame, true, now)];
            }
        }
    }
}
