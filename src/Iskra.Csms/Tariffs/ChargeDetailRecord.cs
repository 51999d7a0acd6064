namespace Iskra.Csms.Tariffs;

/// <summary>
/// The billing record of one ended session: issued once, never changed. <see cref="Id"/> is its number
/// (increasing in the order records are issued). A correction is a new record whose <see cref="CorrectsId"/> names the
/// one it replaces. JSON columns keep the tariff as priced, the cost breakdown and periods, and the signed
/// meter data, so the record stands alone.
/// </summary>
public sealed class ChargeDetailRecord
{
    public long Id { get; set; }

    /// <summary>Iskra's id of the session (<c>transactions.Id</c>).</summary>
    public long TransactionDbId { get; set; }

    public required string StationId { get; set; }

    /// <summary>The OCPP transaction id (1.6 integer as text, or the 2.0.1 string).</summary>
    public required string TransactionId { get; set; }

    /// <summary>The OCPP version of the session: "1.6" or "2.0.1" (how <see cref="TransactionId"/> is shown).</summary>
    public string? OcppVersion { get; set; }

    public int EvseId { get; set; }

    /// <summary>0 when not known.</summary>
    public int ConnectorId { get; set; }

    public string? IdTag { get; set; }

    /// <summary>The card's group (its parent id tag) when the session started.</summary>
    public string? IdTagGroup { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset StoppedAt { get; set; }

    public decimal? MeterStartWh { get; set; }

    public decimal? MeterStopWh { get; set; }

    /// <summary>The energy billed (trusted readings).</summary>
    public decimal EnergyWh { get; set; }

    public decimal ChargingHours { get; set; }

    public decimal ParkingHours { get; set; }

    public required string TariffId { get; set; }

    public int TariffVersion { get; set; }

    /// <summary>The <see cref="TariffDefinition"/> the session was priced with, as JSON.</summary>
    public required string TariffJson { get; set; }

    public required string Currency { get; set; }

    public decimal AmountExclVat { get; set; }

    public decimal Vat { get; set; }

    /// <summary>Including VAT: what the driver pays.</summary>
    public decimal Amount { get; set; }

    /// <summary>The <see cref="SessionCost"/> as JSON (breakdown, periods, flags).</summary>
    public required string CostJson { get; set; }

    /// <summary><see cref="CostFlags"/> joined by commas; null when the meter data was trusted whole.</summary>
    public string? Flags { get; set; }

    /// <summary>Signed meter values of the session (OCMF or 2.0.1 signedMeterValue), a JSON array; null when none.</summary>
    public string? SignedDataJson { get; set; }

    /// <summary>The record this one corrects.</summary>
    public long? CorrectsId { get; set; }

    public string? CorrectionReason { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
}
