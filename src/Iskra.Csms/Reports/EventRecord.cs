namespace Iskra.Csms.Reports;

/// <summary>One 2.0.1 EventData of a NotifyEvent (also the monitoring events).</summary>
public sealed class EventRecord
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public int EventId { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public required string Trigger { get; set; }

    public int? Cause { get; set; }

    public required string ActualValue { get; set; }

    public string? TechCode { get; set; }

    public string? TechInfo { get; set; }

    public bool? Cleared { get; set; }

    public string? TransactionId { get; set; }

    public int? VariableMonitoringId { get; set; }

    public required string EventNotificationType { get; set; }

    public required string Component { get; set; }

    public string? ComponentInstance { get; set; }

    public int? EvseId { get; set; }

    public int? ConnectorId { get; set; }

    public required string Variable { get; set; }

    public string? VariableInstance { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
