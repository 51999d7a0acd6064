using System.Text.Json;
using Iskra.Csms.Reports;
using Iskra.Csms.Transactions;

namespace Iskra.Server.Api.History;

/// <summary>One 2.0.1 NotifyEvent EventData (N07, N08): what changed on which component and variable, as the station reported it; <c>transactionId</c> is the station's (a 2.0.1 string).</summary>
public sealed record NotifyEventView(
    long Id, string StationId, int EventId, DateTimeOffset Timestamp, string Trigger, int? Cause, string ActualValue, string? TechCode, string? TechInfo,
    bool? Cleared, JsonElement? TransactionId, int? VariableMonitoringId, string EventNotificationType, string Component, string? ComponentInstance,
    int? EvseId, int? ConnectorId, string Variable, string? VariableInstance, DateTimeOffset ReceivedAt)
{
    public static NotifyEventView From(EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.StationId, e.EventId, e.Timestamp, e.Trigger, e.Cause, e.ActualValue, e.TechCode, e.TechInfo, e.Cleared, e.TransactionId is null ? null : OcppTransactionId.Of(e.TransactionId, v16: false),
            e.VariableMonitoringId, e.EventNotificationType, e.Component, e.ComponentInstance, e.EvseId, e.ConnectorId, e.Variable, e.VariableInstance, e.ReceivedAt);
    }
}
