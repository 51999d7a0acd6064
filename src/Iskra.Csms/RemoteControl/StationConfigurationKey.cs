namespace Iskra.Csms.RemoteControl;

/// <summary>
/// One OCPP 1.6 configuration key of a station as Iskra last learned it: from a GetConfiguration
/// answer, or from a ChangeConfiguration the station accepted. (2.0.1 keeps these in the device model.)
/// </summary>
public sealed class StationConfigurationKey
{
    public required string StationId { get; set; }

    /// <summary>The key (1.6 CiString50).</summary>
    public required string Key { get; set; }

    /// <summary>The value (1.6 CiString500); null when the station reported none.</summary>
    public string? Value { get; set; }

    /// <summary>What GetConfiguration said; null until the station has reported the key.</summary>
    public bool? Readonly { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
