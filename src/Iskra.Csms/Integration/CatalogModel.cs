namespace Iskra.Csms.Integration;

/// <summary>
/// A station model in the catalog of integrated models: the vendor and model a station gives in BootNotification
/// (1.6 chargePointVendor/chargePointModel, 2.0.1 chargingStation.vendorName/model), matched case-insensitively
/// after trimming (<see cref="CatalogKeys"/>), with the lab runs that tested it and the operator's notes.
/// </summary>
public sealed class CatalogModel
{
    public const int NameLength = 50;

    public long Id { get; set; }

    /// <summary>The vendor as first given, trimmed.</summary>
    public required string Vendor { get; set; }

    /// <summary>The model as first given, trimmed.</summary>
    public required string Model { get; set; }

    /// <summary><see cref="Vendor"/> and <see cref="Model"/> as matched (<see cref="CatalogKeys.Of"/>); unique.</summary>
    public required string Key { get; set; }

    public CatalogStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<CatalogRun> Runs { get; set; } = [];

    public List<CatalogNote> Notes { get; set; } = [];
}
