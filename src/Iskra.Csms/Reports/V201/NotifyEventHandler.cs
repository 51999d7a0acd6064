using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Reports.V201;

/// <summary>NotifyEvent (N07/N08): each event stored; a Problem turning true raises an alarm.</summary>
public sealed class NotifyEventHandler(NoticeService notices) : IOcppHandler<NotifyEventRequest, NotifyEventResponse>
{
    public async ValueTask<NotifyEventResponse> HandleAsync(StationContext station, NotifyEventRequest request, CancellationToken cancellationToken)
    {
        var events = request.EventData.Select(e => new EventRecord
        {
            StationId = station.StationId,
            EventId = e.EventId,
            Timestamp = e.Timestamp.ToUniversalTime(),
            Trigger = WireName.Of(e.Trigger),
            Cause = e.Cause,
            ActualValue = e.ActualValue,
            TechCode = e.TechCode,
            TechInfo = e.TechInfo,
            Cleared = e.Cleared,
            TransactionId = e.TransactionId,
            VariableMonitoringId = e.VariableMonitoringId,
            EventNotificationType = WireName.Of(e.EventNotificationType),
            Component = e.Component.Name,
            ComponentInstance = e.Component.Instance,
            EvseId = e.Component.Evse?.Id,
            ConnectorId = e.Component.Evse?.ConnectorId,
            Variable = e.Variable.Name,
            VariableInstance = e.Variable.Instance,
        }).ToList();
        await notices.EventsAsync(station.StationId, events, cancellationToken).ConfigureAwait(false);
        return new();
    }
}
