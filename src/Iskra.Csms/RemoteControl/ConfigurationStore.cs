using Iskra.Csms.Access;
using Iskra.Csms.Reports;
using Iskra.Csms.Security;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// Keeps what get- and change-configuration learned: 1.6 keys in <see cref="StationConfigurationKey"/>,
/// 2.0.1 variables as the Actual attribute of a <see cref="DeviceModelVariable"/> (the rows NotifyReport
/// fills). Written through the <see cref="StorageWriter"/>, so it never races a NotifyReport. A write-only
/// secret's value is stored as <see cref="SecretSettings.Redacted"/>.
/// </summary>
public sealed class ConfigurationStore(StorageWriter writer, TimeProvider time)
{
    /// <summary>
    /// The station accepted a new password (rotation): its hash is kept beside the current one, which stays
    /// valid until the station's first login with the new one (StationAdmission; 2.0.1 A01, 1.6 whitepaper A01).
    /// <paramref name="audit"/> is saved with it.
    /// </summary>
    public Task RememberPasswordAsync(string stationId, string hash, AuditEntry audit, CancellationToken cancellationToken) =>
        writer.WriteAsync((stationId, hash, audit), static async (db, s, ct) =>
        {
            var station = await db.Stations.FindAsync([s.stationId], ct).ConfigureAwait(false);
            if (station is not null)
            {
                station.PendingPasswordHash = s.hash;
                db.Audit.Add(s.audit);
            }

            return true;
        }, cancellationToken);

    /// <summary>Upserts 1.6 keys; a null <c>Readonly</c> keeps what was known.</summary>
    public Task RememberKeysAsync(string stationId, IReadOnlyList<(string Key, string? Value, bool? Readonly)> keys, CancellationToken cancellationToken) =>
        writer.WriteAsync((stationId, keys, now: time.GetUtcNow()), static async (db, s, ct) =>
        {
            // A station has tens of keys: load them once (tracked, so this batch's new rows are among them).
            await db.ConfigurationKeys.Where(k => k.StationId == s.stationId).LoadAsync(ct).ConfigureAwait(false);
            foreach (var (key, value, readOnly) in s.keys)
            {
                // 1.6 keys are case-insensitive (CiString50): one row per key, in the spelling first seen.
                var row = db.ConfigurationKeys.Local.FirstOrDefault(k => k.StationId == s.stationId && string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));
                if (row is null)
                {
                    db.ConfigurationKeys.Add(row = new StationConfigurationKey { StationId = s.stationId, Key = key });
                }

                row.Value = SecretSettings.Stored(SecretSettings.IsSecretKey(key), value);
                row.Readonly = readOnly ?? row.Readonly;
                row.UpdatedAt = s.now;
            }

            return true;
        }, cancellationToken);

    /// <summary>Upserts the given attribute of each 2.0.1 variable; names match case-insensitively (<see cref="DeviceModelRows"/>).</summary>
    public Task RememberVariablesAsync(string stationId, IReadOnlyList<(ComponentVariable Variable, string AttributeType, string? Value)> values, CancellationToken cancellationToken) =>
        writer.WriteAsync((stationId, values, now: time.GetUtcNow()), static async (db, s, ct) =>
        {
            var rows = await DeviceModelRows.LoadAsync(db, s.stationId, ct).ConfigureAwait(false);
            foreach (var (v, attributeType, value) in s.values)
            {
                var (componentInstance, variableInstance) = (v.ComponentInstance ?? "", v.VariableInstance ?? "");
                var (evse, connector) = (v.EvseId ?? 0, v.ConnectorId ?? 0);
                var row = rows.Find(v.Component, componentInstance, evse, connector, v.Variable, variableInstance, attributeType);
                if (row is null)
                {
                    db.DeviceModel.Add(row = new DeviceModelVariable
                    {
                        StationId = s.stationId,
                        Component = v.Component,
                        ComponentInstance = componentInstance,
                        EvseId = evse,
                        ConnectorId = connector,
                        Variable = v.Variable,
                        VariableInstance = variableInstance,
                        AttributeType = attributeType,
                    });
                    rows.Add(row);
                }

                row.Value = SecretSettings.Stored(SecretSettings.IsSecretVariable(v.Component, v.Variable), value);
                row.UpdatedAt = s.now;
            }

            return true;
        }, cancellationToken);
}
