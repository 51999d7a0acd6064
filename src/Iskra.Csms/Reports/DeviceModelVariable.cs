namespace Iskra.Csms.Reports;

/// <summary>
/// One attribute of one variable of the station's 2.0.1 device model, as reported by NotifyReport
/// (and, for 1.6, one configuration key with Component "" ). Missing instance/evse/connector are stored
/// as "" and 0 so that the natural key is unique.
/// </summary>
public sealed class DeviceModelVariable
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public required string Component { get; set; }

    public string ComponentInstance { get; set; } = "";

    public int EvseId { get; set; }

    public int ConnectorId { get; set; }

    public required string Variable { get; set; }

    public string VariableInstance { get; set; } = "";

    /// <summary>Actual, Target, MinSet, MaxSet.</summary>
    public string AttributeType { get; set; } = "Actual";

    public string? Value { get; set; }

    public string? Mutability { get; set; }

    public string? DataType { get; set; }

    public string? Unit { get; set; }

    public int? ReportRequestId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
