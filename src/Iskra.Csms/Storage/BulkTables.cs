using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Iskra.Csms.Storage;

/// <summary>The tables the storage writer inserts in bulk (<see cref="BulkTable{T}"/>), described once from the model.</summary>
internal sealed class BulkTables(IModel model, bool sqlite)
{
    public bool Sqlite => sqlite;

    public BulkTable<TrafficEntry> Traffic { get; } = BulkTable<TrafficEntry>.Create(
        model,
        sqlite,
        skipConflicts: false,
        (nameof(TrafficEntry.StationId), static e => e.StationId),
        (nameof(TrafficEntry.Timestamp), static e => e.Timestamp),
        (nameof(TrafficEntry.Incoming), static e => e.Incoming),
        (nameof(TrafficEntry.Frame), static e => e.Frame));

    /// <summary>Meter rows; a sample its transaction already has is skipped (<see cref="MeterSamples"/>).</summary>
    public BulkTable<MeterValueRecord> Meter { get; } = BulkTable<MeterValueRecord>.Create(
        model,
        sqlite,
        skipConflicts: true,
        (nameof(MeterValueRecord.StationId), static m => m.StationId),
        (nameof(MeterValueRecord.TransactionDbId), static m => m.Transaction?.Id ?? m.TransactionDbId),
        (nameof(MeterValueRecord.EvseId), static m => m.EvseId),
        (nameof(MeterValueRecord.ConnectorId), static m => m.ConnectorId),
        (nameof(MeterValueRecord.Timestamp), static m => m.Timestamp),
        (nameof(MeterValueRecord.Value), static m => m.Value),
        (nameof(MeterValueRecord.Measurand), static m => m.Measurand),
        (nameof(MeterValueRecord.Phase), static m => m.Phase),
        (nameof(MeterValueRecord.Unit), static m => m.Unit),
        (nameof(MeterValueRecord.Multiplier), static m => m.Multiplier),
        (nameof(MeterValueRecord.Context), static m => m.Context),
        (nameof(MeterValueRecord.Location), static m => m.Location),
        (nameof(MeterValueRecord.Format), static m => m.Format),
        (nameof(MeterValueRecord.SignedData), static m => m.SignedData),
        (nameof(MeterValueRecord.ReceivedAt), static m => m.ReceivedAt),
        (nameof(MeterValueRecord.SampleKey), static m => m.SampleKey));
}
