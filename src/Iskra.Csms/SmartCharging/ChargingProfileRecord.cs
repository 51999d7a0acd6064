namespace Iskra.Csms.SmartCharging;

/// <summary>
/// A charging profile a station accepted (SetChargingProfile answered Accepted), kept until it is
/// replaced or cleared. The profile is the JSON exactly as sent, in the station's version.
/// </summary>
public sealed class ChargingProfileRecord
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    /// <summary>1.6 connectorId, 2.0.1 evseId; 0 is the whole station.</summary>
    public int EvseId { get; set; }

    /// <summary>1.6 chargingProfileId, 2.0.1 id: unique per station (K01.FR.05).</summary>
    public int ChargingProfileId { get; set; }

    /// <summary>The purpose in the station's version's spelling (ChargePointMaxProfile on 1.6, ChargingStationMaxProfile on 2.0.1).</summary>
    public required string Purpose { get; set; }

    public int StackLevel { get; set; }

    /// <summary>The transaction of a TxProfile, when it names one (1.6 integer as text, 2.0.1 string).</summary>
    public string? TransactionId { get; set; }

    /// <summary>The profile as sent: 1.6 csChargingProfiles or 2.0.1 chargingProfile.</summary>
    public required string Profile { get; set; }

    public DateTimeOffset SetAt { get; set; }
}
