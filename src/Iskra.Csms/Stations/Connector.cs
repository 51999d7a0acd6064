namespace Iskra.Csms.Stations;

/// <summary>
/// The live status of one connector. 1.6: <see cref="EvseId"/> = <see cref="ConnectorId"/> and
/// connector 0 is the station itself; 2.0.1: EVSE and connector ids as the station numbers them.
/// </summary>
public sealed class Connector
{
    public required string StationId { get; set; }

    public int EvseId { get; set; }

    public int ConnectorId { get; set; }

    public required string Status { get; set; }

    public string? ErrorCode { get; set; }

    public string? Info { get; set; }

    public string? VendorErrorCode { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A detached copy with the same values (the storage writer's kept rows).</summary>
    internal Connector Copy() => (Connector)MemberwiseClone();
}
