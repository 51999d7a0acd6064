namespace Iskra.Csms.Transactions;

/// <summary>One sampled value, flattened: a 1.6 MeterValue or a 2.0.1 MeterValueType yields one row per sampled value.</summary>
public sealed class MeterValueRecord
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    /// <summary>Iskra's transaction id, when the value belongs to a known transaction.</summary>
    public long? TransactionDbId { get; set; }

    public ChargingTransaction? Transaction { get; set; }

    public int EvseId { get; set; }

    public int ConnectorId { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>The value as the station sent it (1.6 sends strings; kept verbatim for signed data).</summary>
    public required string Value { get; set; }

    public string? Measurand { get; set; }

    public string? Phase { get; set; }

    public string? Unit { get; set; }

    /// <summary>2.0.1 unitOfMeasure.multiplier: the value means Value × 10^Multiplier Unit. Null for 0 and for 1.6.</summary>
    public int? Multiplier { get; set; }

    public string? Context { get; set; }

    public string? Location { get; set; }

    /// <summary>1.6 format (Raw/SignedData).</summary>
    public string? Format { get; set; }

    /// <summary>Signed meter data: 1.6 the value when format is SignedData, 2.0.1 signedMeterValue as JSON.</summary>
    public string? SignedData { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>
    /// <see cref="MeterSamples.Key"/> of timestamp, measurand, phase, location and context: unique within a
    /// transaction, so a sample the station repeats is stored once. Null on rows stored before it existed.
    /// </summary>
    public long? SampleKey { get; set; }
}
