using Iskra.Csms.Alarms;
using Iskra.Csms.Transactions;

namespace Iskra.Csms.Events;

/// <summary>
/// Publishing of the domain's stored facts. Each method is called after the storage writer has
/// committed, and builds its event body only when somebody listens, so a message costs nothing more
/// when no SSE client or webhook is connected.
/// </summary>
public static class DomainEvents
{
    /// <summary>
    /// Publishes <paramref name="type"/> for <paramref name="tx"/> (read after its commit, so its id is set),
    /// with its OCPP id as the API shows it (<see cref="OcppTransactionId"/>).
    /// </summary>
    public static void Transaction(this CsmsEvents events, string type, ChargingTransaction? tx)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (tx is null || !events.IsWatched)
        {
            return;
        }

        var data = new TransactionData(
            tx.Id, OcppTransactionId.Of(tx), tx.ConnectorId == 0 ? null : tx.ConnectorId, tx.EvseId, tx.IdTag, tx.IdTagSource, tx.StartedAt, tx.StoppedAt,
            tx.MeterStartWh, tx.MeterStopWh, tx.EnergyWh, tx.StopReason, Tariffs.TransactionCost.Of(tx));
        events.Publish(type, tx.StationId, data, CsmsJsonContext.Default.TransactionData);
    }

    /// <summary>Publishes <paramref name="type"/> (<c>alarm.raised</c> or <c>alarm.cleared</c>) for <paramref name="alarm"/>.</summary>
    public static void AlarmChanged(this CsmsEvents events, Alarm alarm, string type)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(alarm);
        if (events.IsWatched)
        {
            events.Publish(type, alarm.StationId, AlarmData.Of(alarm), CsmsJsonContext.Default.AlarmData);
        }
    }
}
