using Iskra.Csms.Alarms;
using Iskra.Csms.Events;
using Iskra.Csms.Storage;

namespace Iskra.Csms.Reports;

/// <summary>
/// Keeps what stations report outside transactions (blocks B, G, L, N, K, H, P, A): status
/// notifications of firmware, diagnostics and logs with their request id, security events,
/// device-model reports, events, charging limits and needs, data transfers. Stored before answered.
/// </summary>
public sealed class NoticeService(StorageWriter writer, CsmsEvents feed, TimeProvider time)
{
    /// <summary>Security events that need an operator: tampering and failed security checks.</summary>
    private static readonly HashSet<string> AlarmingSecurityEvents = new(StringComparer.Ordinal)
    {
        "TamperDetectionActivated", "InvalidFirmwareSignature", "InvalidFirmwareSigningCertificate",
        "InvalidCsmsCertificate", "InvalidChargingStationCertificate", "InvalidTLSVersion",
        "InvalidTLSCipherSuite", "AttemptedReplayAttacks", "MemoryExhaustion",
    };

    public async ValueTask RecordAsync(string stationId, string action, int? requestId, string? status, DateTimeOffset? timestamp, string payload, CancellationToken cancellationToken)
    {
        var alarm = await writer.WriteAsync(new StationNotice
        {
            StationId = stationId,
            Action = action,
            RequestId = requestId,
            Status = status is { Length: > 50 } ? status[..50] : status,
            Timestamp = timestamp?.ToUniversalTime(),
            ReceivedAt = time.GetUtcNow(),
            Payload = payload,
        }, static (db, n, _) =>
        {
            db.Notices.Add(n);
            Alarm? alarm = null;
            if (n.Action == "SecurityEventNotification" && n.Status is { } type && AlarmingSecurityEvents.Contains(type))
            {
                db.Alarms.Add(alarm = new Alarm { StationId = n.StationId, Source = n.Action, Code = type, RaisedAt = n.ReceivedAt });
            }

            return ValueTask.FromResult(alarm);
        }, cancellationToken).ConfigureAwait(false);
        feed.Alarm(alarm);
    }

    /// <summary>NotifyReport: upserts each reported attribute on its natural key.</summary>
    public ValueTask ReportAsync(string stationId, int requestId, IReadOnlyList<DeviceModelVariable> variables, CancellationToken cancellationToken) =>
        new(writer.WriteAsync((stationId, requestId, variables, now: time.GetUtcNow()), static async (db, s, ct) =>
        {
            foreach (var v in s.variables)
            {
                var existing = db.DeviceModel.Local.FirstOrDefault(x => SameKey(x, v))
                    ?? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                        db.DeviceModel,
                        x => x.StationId == s.stationId && x.Component == v.Component && x.ComponentInstance == v.ComponentInstance
                            && x.EvseId == v.EvseId && x.ConnectorId == v.ConnectorId && x.Variable == v.Variable
                            && x.VariableInstance == v.VariableInstance && x.AttributeType == v.AttributeType,
                        ct).ConfigureAwait(false);
                var row = existing ?? new DeviceModelVariable { StationId = s.stationId, Component = v.Component, Variable = v.Variable };
                row.ComponentInstance = v.ComponentInstance;
                row.EvseId = v.EvseId;
                row.ConnectorId = v.ConnectorId;
                row.VariableInstance = v.VariableInstance;
                row.AttributeType = v.AttributeType;
                row.Value = v.Value;
                row.Mutability = v.Mutability;
                row.DataType = v.DataType;
                row.Unit = v.Unit;
                row.ReportRequestId = s.requestId;
                row.UpdatedAt = s.now;
                if (existing is null)
                {
                    db.DeviceModel.Add(row);
                }
            }

            return true;
        }, cancellationToken));

    /// <summary>NotifyEvent: stores each event; a "Problem" variable turning true raises an alarm (2.0.1 N07/N08).</summary>
    public async ValueTask EventsAsync(string stationId, IReadOnlyList<EventRecord> events, CancellationToken cancellationToken)
    {
        var alarms = await writer.WriteAsync((stationId, events, now: time.GetUtcNow()), static (db, s, _) =>
        {
            List<Alarm>? alarms = null;
            foreach (var e in s.events)
            {
                e.ReceivedAt = s.now;
                db.Events.Add(e);
                if (e.Variable == "Problem" && string.Equals(e.ActualValue, "true", StringComparison.OrdinalIgnoreCase))
                {
                    var alarm = new Alarm
                    {
                        StationId = s.stationId,
                        EvseId = e.EvseId,
                        ConnectorId = e.ConnectorId,
                        Source = "NotifyEvent",
                        Code = e.TechCode ?? e.Component + ".Problem",
                        Message = e.TechInfo,
                        RaisedAt = s.now,
                    };
                    db.Alarms.Add(alarm);
                    (alarms ??= []).Add(alarm);
                }
            }

            return ValueTask.FromResult(alarms);
        }, cancellationToken).ConfigureAwait(false);
        feed.Alarms(alarms);
    }

    private static bool SameKey(DeviceModelVariable a, DeviceModelVariable b) =>
        a.StationId == b.StationId && a.Component == b.Component && a.ComponentInstance == b.ComponentInstance
        && a.EvseId == b.EvseId && a.ConnectorId == b.ConnectorId && a.Variable == b.Variable
        && a.VariableInstance == b.VariableInstance && a.AttributeType == b.AttributeType;
}
