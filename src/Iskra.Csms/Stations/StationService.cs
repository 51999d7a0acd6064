using Iskra.Csms.Alarms;
using Iskra.Csms.Alarms.Rules;
using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Stations;

/// <summary>
/// Provisioning and availability (blocks B and G): boot data, heartbeats, connector status with its
/// history, and alarms for faults. Everything is stored through the <see cref="StorageWriter"/>
/// before the station is answered.
/// </summary>
public sealed class StationService(StorageWriter writer, CsmsEvents events, IOptions<CsmsOptions> options, IModelAdmission models, AlarmBook alarms, ClockSkewRule clock, TimeProvider time)
{
    /// <summary>
    /// Stores the boot data and answers the operator's registration status; a station the operator Accepted is then
    /// also judged by its model and firmware (<see cref="IModelAdmission"/>: the catalog of integrated models).
    /// </summary>
    public async ValueTask<BootResult> BootAsync(string stationId, BootInfo boot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var status = await writer.WriteAsync((stationId, boot, now), static async (db, s, ct) =>
        {
            // A heartbeat of the same station in this batch may have attached a stub row: read the real one.
            var station = await StationRows.FindAsync(db, s.stationId, ct).ConfigureAwait(false);
            if (station is null)
            {
                // Admission let it in, so it exists; a deleted-while-connected station boots as Rejected.
                return RegistrationState.Rejected;
            }

            station.Vendor = s.boot.Vendor;
            station.Model = s.boot.Model;
            station.SerialNumber = s.boot.SerialNumber;
            station.FirmwareVersion = s.boot.FirmwareVersion;
            station.ChargeBoxSerialNumber = s.boot.ChargeBoxSerialNumber;
            station.Iccid = s.boot.Iccid;
            station.Imsi = s.boot.Imsi;
            station.MeterType = s.boot.MeterType;
            station.MeterSerialNumber = s.boot.MeterSerialNumber;
            station.LastBootReason = s.boot.Reason;
            station.LastBootAt = s.now;
            station.LastSeen = s.now;
            db.Boots.Add(new BootRecord
            {
                StationId = s.stationId,
                BootedAt = s.now,
                Reason = s.boot.Reason,
                Vendor = s.boot.Vendor,
                Model = s.boot.Model,
                SerialNumber = s.boot.SerialNumber,
                FirmwareVersion = s.boot.FirmwareVersion,
                RegistrationStatus = station.RegistrationStatus.ToString(),
            });
            return station.RegistrationStatus;
        }, cancellationToken).ConfigureAwait(false);
        if (status == RegistrationState.Accepted)
        {
            // The station row keeps the operator's decision; the catalog's answer holds for this boot only.
            status = await models.AdmitAsync(stationId, boot, cancellationToken).ConfigureAwait(false);
        }

        return new BootResult(status, now, options.Value.HeartbeatIntervalSeconds);
    }

    public async ValueTask<DateTimeOffset> HeartbeatAsync(string stationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await TouchAsync(stationId, now, cancellationToken).ConfigureAwait(false);
        return now;
    }

    /// <summary>Marks the station seen now: an UPDATE of one column, without reading the row first (the per-heartbeat path).</summary>
    public ValueTask TouchAsync(string stationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        new(writer.WriteAsync((stationId, now), static (db, s, _) =>
        {
            var tracked = db.Stations.Local.FindEntry(s.stationId)?.Entity;
            if (tracked is null)
            {
                tracked = new Station { Id = s.stationId };
                db.Stations.Attach(tracked);
            }

            tracked.LastSeen = s.now;
            return ValueTask.FromResult(true);
        }, cancellationToken));

    /// <summary>
    /// A connection opened: marks the station seen and connected, and opens its connection log row (closing any left open by a
    /// hard stop at the time the station was last seen). Returns the row's id, for <see cref="DisconnectedAsync"/>.
    /// </summary>
    public async ValueTask<long> ConnectedAsync(string stationId, DateTimeOffset now, string version, string? remoteAddress, CancellationToken cancellationToken)
    {
        var record = new StationConnectionRecord
        {
            StationId = stationId,
            ConnectedAt = now,
            OcppVersion = version,
            RemoteAddress = remoteAddress is { Length: > 64 } ? remoteAddress[..64] : remoteAddress,
        };
        await writer.WriteAsync(record, static async (db, r, ct) =>
        {
            var station = await db.Stations.FindAsync([r.StationId], ct).ConfigureAwait(false);
            var lastSeen = station?.LastSeen;
            if (station is not null)
            {
                station.LastSeen = r.ConnectedAt;
                station.OcppVersion = r.OcppVersion;
                station.LastConnectedAt = r.ConnectedAt;
            }

            foreach (var open in await db.Connections.Where(c => c.StationId == r.StationId && c.DisconnectedAt == null).ToListAsync(ct).ConfigureAwait(false))
            {
                open.DisconnectedAt = lastSeen is { } seen && seen > open.ConnectedAt && seen < r.ConnectedAt ? seen : r.ConnectedAt;
            }

            db.Connections.Add(r);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return record.Id;
    }

    /// <summary>A connection closed: marks the station seen (a station deleted meanwhile stays deleted) and closes connection log row <paramref name="connectionId"/>.</summary>
    public ValueTask DisconnectedAsync(string stationId, long? connectionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        new(writer.WriteAsync((stationId, connectionId, now), static async (db, s, ct) =>
        {
            var station = await StationRows.FindAsync(db, s.stationId, ct).ConfigureAwait(false);
            if (station is not null)
            {
                station.LastSeen = s.now;
            }

            if (s.connectionId is { } id && await db.Connections.FindAsync([id], ct).ConfigureAwait(false) is { } record && record.DisconnectedAt is null)
            {
                record.DisconnectedAt = s.now;
            }

            return true;
        }, cancellationToken));

    /// <summary>
    /// The connector's row, added when new: in a writer batch from the writer's kept copy when it has
    /// one (no database read), else found by key.
    /// </summary>
    private static async ValueTask<Connector> FindConnectorAsync(IskraDbContext db, string stationId, int evseId, int connectorId, CancellationToken ct)
    {
        var batch = db.Batch;
        if (batch is not null && batch.Connectors.TryGetValue((stationId, evseId, connectorId), out var known))
        {
            return known;
        }

        Connector? connector = null;
        if (batch?.Kept.Connectors.Take((stationId, evseId, connectorId)) is { } copy)
        {
            connector = db.Connectors.Local.FindEntryUntyped([stationId, evseId, connectorId])?.Entity;
            if (connector is null)
            {
                db.Connectors.Attach(connector = copy);
            }
        }

        connector ??= await db.Connectors.FindAsync([stationId, evseId, connectorId], ct).ConfigureAwait(false);
        if (connector is null)
        {
            db.Connectors.Add(connector = new Connector { StationId = stationId, EvseId = evseId, ConnectorId = connectorId, Status = "Unknown" });
        }

        if (batch is not null)
        {
            batch.Connectors[(stationId, evseId, connectorId)] = connector;
        }

        return connector;
    }

    /// <summary>Stores a StatusNotification, then announces it (and the alarm it opened or cleared) once committed.</summary>
    public async ValueTask StatusAsync(string stationId, StatusReport report, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (alarm, resumed) = await writer.WriteAsync((stationId, report, now, alarms), static async (db, s, ct) =>
        {
            var r = s.report;
            var timestamp = r.Timestamp?.ToUniversalTime() ?? s.now;
            db.StatusEvents.Add(new StatusEvent
            {
                StationId = s.stationId,
                EvseId = r.EvseId,
                ConnectorId = r.ConnectorId,
                Status = r.Status,
                ErrorCode = r.ErrorCode,
                Info = r.Info,
                VendorId = r.VendorId,
                VendorErrorCode = r.VendorErrorCode,
                Timestamp = timestamp,
                ReceivedAt = s.now,
            });
            var connector = await FindConnectorAsync(db, s.stationId, r.EvseId, r.ConnectorId, ct).ConfigureAwait(false);

            // An older notification (delivered late) joins the history but changes neither live state nor alarms.
            if (connector.UpdatedAt > timestamp)
            {
                return ((AlarmChange?)null, (AlarmChange?)null);
            }

            connector.Status = r.Status;
            connector.ErrorCode = r.ErrorCode;
            connector.Info = r.Info;
            connector.VendorErrorCode = r.VendorErrorCode;
            connector.UpdatedAt = timestamp;
            var health = new ConnectorReport(r.EvseId, r.ConnectorId, r.Status, r.ErrorCode, r.Info, r.VendorId, r.VendorErrorCode);
            var fault = await ConnectorFaultRule.ApplyAsync(s.alarms, db, s.stationId, health, timestamp, s.now, ct).ConfigureAwait(false);

            // 1.6 (the version with an error code) reports a session's suspension by status: another status ends it.
            var resumed = r.ErrorCode is null ? null
                : await SessionSuspendedRule.ClearAsync(s.alarms, db, s.stationId, r.EvseId, r.ConnectorId, r.Status, ended: false, s.now, ct).ConfigureAwait(false);
            return (fault, resumed);
        }, cancellationToken).ConfigureAwait(false);
        if (events.IsWatched)
        {
            var data = new StatusChangedData(report.ConnectorId, report.EvseId, report.Status, report.ErrorCode, report.Info, report.Timestamp?.ToUniversalTime() ?? now);
            events.Publish(CsmsEventTypes.StatusChanged, stationId, data, CsmsJsonContext.Default.StatusChangedData);
        }

        alarms.Announce(alarm);
        alarms.Announce(resumed);
        if (report.Timestamp is { } stamped)
        {
            await clock.ObserveAsync(stationId, "StatusNotification", stamped, live: false, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
