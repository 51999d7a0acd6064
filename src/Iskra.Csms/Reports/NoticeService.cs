using Iskra.Csms.Alarms;
using Iskra.Csms.Alarms.Rules;
using Iskra.Csms.Security;
using Iskra.Csms.Storage;

namespace Iskra.Csms.Reports;

/// <summary>
/// Keeps what stations report outside transactions (blocks B, G, L, N, K, H, P, A): status
/// notifications of firmware, diagnostics and logs with their request id, security events,
/// device-model reports, events, charging limits and needs, data transfers. Stored before answered, in the same commit as
/// the alarm a notice opens or clears (security events, failed firmware updates and log uploads).
/// </summary>
public sealed class NoticeService(StorageWriter writer, AlarmBook alarms, TimeProvider time)
{
    public async ValueTask RecordAsync(string stationId, string action, int? requestId, string? status, DateTimeOffset? timestamp, string payload, CancellationToken cancellationToken)
    {
        var notice = new StationNotice
        {
            StationId = stationId,
            Action = action,
            RequestId = requestId,
            Status = status is { Length: > 50 } ? status[..50] : status,
            Timestamp = timestamp?.ToUniversalTime(),
            ReceivedAt = time.GetUtcNow(),
            Payload = payload,
        };
        var alarm = await writer.WriteAsync((notice, alarms), static async (db, s, ct) =>
        {
            var n = s.notice;
            db.Notices.Add(n);
            if (n.Status is not { } status)
            {
                return null;
            }

            return n.Action switch
            {
                "SecurityEventNotification" => await SecurityEventRule.ApplyAsync(s.alarms, db, n.StationId, status, null, n.Timestamp, n.ReceivedAt, ct).ConfigureAwait(false),
                "FirmwareStatusNotification" or "SignedFirmwareStatusNotification" =>
                    await FirmwareUpdateFailedRule.ApplyAsync(s.alarms, db, n.StationId, n.RequestId, status, n.ReceivedAt, ct).ConfigureAwait(false),
                "DiagnosticsStatusNotification" or "LogStatusNotification" =>
                    await LogUploadFailedRule.ApplyAsync(s.alarms, db, n.StationId, n.Action, n.RequestId, status, n.ReceivedAt, ct).ConfigureAwait(false),
                _ => null,
            };
        }, cancellationToken).ConfigureAwait(false);
        alarms.Announce(alarm);
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

    /// <summary>NotifyEvent: stores each event; a "Problem" variable turning true opens an alarm, turning false clears it (<see cref="StationProblemRule"/>).</summary>
    public async ValueTask EventsAsync(string stationId, IReadOnlyList<EventRecord> events, CancellationToken cancellationToken)
    {
        var changes = await writer.WriteAsync((stationId, events, now: time.GetUtcNow(), alarms), static async (db, s, ct) =>
        {
            List<AlarmChange>? changes = null;
            foreach (var e in s.events)
            {
                e.ReceivedAt = s.now;
                db.Events.Add(e);
                var report = new ProblemReport(e.EvseId, e.ConnectorId, e.Component, e.Variable, e.ActualValue, e.TechCode, e.TechInfo, e.Timestamp);
                if (await StationProblemRule.ApplyAsync(s.alarms, db, s.stationId, report, s.now, ct).ConfigureAwait(false) is { } change)
                {
                    (changes ??= []).Add(change);
                }
            }

            return changes;
        }, cancellationToken).ConfigureAwait(false);
        alarms.Announce(changes);
    }
}
