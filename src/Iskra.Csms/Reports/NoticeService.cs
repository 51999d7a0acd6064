using Iskra.Csms.Alarms;
using Iskra.Csms.Events;
using Iskra.Csms.Security;
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

    /// <summary>NotifyReport: upserts each reported attribute on its natural key (names case-insensitive, <see cref="DeviceModelRows"/>).</summary>
    public ValueTask ReportAsync(string stationId, int requestId, IReadOnlyList<DeviceModelVariable> variables, CancellationToken cancellationToken) =>
        new(writer.WriteAsync((stationId, requestId, variables, now: time.GetUtcNow()), static async (db, s, ct) =>
        {
            var rows = await DeviceModelRows.LoadAsync(db, s.stationId, ct).ConfigureAwait(false);
            foreach (var v in s.variables)
            {
                var row = rows.Find(v.Component, v.ComponentInstance, v.EvseId, v.ConnectorId, v.Variable, v.VariableInstance, v.AttributeType);
                if (row is null)
                {
                    row = new DeviceModelVariable
                    {
                        StationId = s.stationId,
                        Component = v.Component,
                        ComponentInstance = v.ComponentInstance,
                        EvseId = v.EvseId,
                        ConnectorId = v.ConnectorId,
                        Variable = v.Variable,
                        VariableInstance = v.VariableInstance,
                        AttributeType = v.AttributeType,
                    };
                    db.DeviceModel.Add(row);
                    rows.Add(row);
                }

                row.Value = SecretSettings.Stored(SecretSettings.IsSecretVariable(v.Component, v.Variable), v.Value);
                row.Mutability = v.Mutability;
                row.DataType = v.DataType;
                row.Unit = v.Unit;
                row.ReportRequestId = s.requestId;
                row.UpdatedAt = s.now;
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
}
