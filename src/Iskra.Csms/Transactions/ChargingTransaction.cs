namespace Iskra.Csms.Transactions;

/// <summary>
/// A charging session, version-neutral: 1.6 Start/StopTransaction and 2.0.1 TransactionEvent both
/// land here through <see cref="TransactionService"/>.
/// </summary>
public sealed class ChargingTransaction
{
    /// <summary>Iskra's own id.</summary>
    public long Id { get; set; }

    public required string StationId { get; set; }

    /// <summary>The OCPP transaction id: the 1.6 integer Iskra allocated, or the 2.0.1 station's string.</summary>
    public required string TransactionId { get; set; }

    public int EvseId { get; set; }

    /// <summary>
    /// The connector; 0 while not known (a 2.0.1 session named by an EVSE with several connectors).
    /// Never the station itself: views show 0 as null.
    /// </summary>
    public int ConnectorId { get; set; }

    public string? IdTag { get; set; }

    /// <summary>Where <see cref="IdTag"/> came from (<see cref="IdTagSources"/>); null while there is none.</summary>
    public string? IdTagSource { get; set; }

    /// <summary>What authorization said when the transaction started (Accepted, Invalid, ...).</summary>
    public string? IdTagStatus { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public decimal? MeterStartWh { get; set; }

    public decimal? MeterStopWh { get; set; }

    public decimal? EnergyWh { get; set; }

    /// <summary>The OCPP stop reason, verbatim.</summary>
    public string? StopReason { get; set; }

    /// <summary>The cost so far including VAT (final once <see cref="CostFinal"/>); null while no tariff applies.</summary>
    public decimal? Cost { get; set; }

    /// <summary>The <see cref="Tariffs.SessionCost"/> behind <see cref="Cost"/>, as JSON.</summary>
    public string? CostJson { get; set; }

    /// <summary>Whether <see cref="Cost"/> is the session's final price (its charge detail record is issued).</summary>
    public bool CostFinal { get; set; }

    /// <summary>The tariff chosen when the session started, and its version: the session is priced with that one.</summary>
    public string? TariffId { get; set; }

    public int? TariffVersion { get; set; }

    /// <summary>The card's group (its parent id tag) when the tariff was chosen.</summary>
    public string? IdTagGroup { get; set; }

    /// <summary>2.0.1 chargingState of the newest live event.</summary>
    public string? ChargingState { get; set; }

    public int? RemoteStartId { get; set; }

    public int? ReservationId { get; set; }

    /// <summary>1.6 only: the identity of a StartTransaction, so a retry with a new message id gets the same id.</summary>
    public string? StartKey { get; set; }

    /// <summary>The highest 2.0.1 seqNo seen.</summary>
    public int? LastSeqNo { get; set; }

    /// <summary>The station's timestamp of the newest live (not offline) message applied to the state.</summary>
    public DateTimeOffset? LastLiveAt { get; set; }

    /// <summary>The timestamp of the newest energy register reading, which set <see cref="MeterStopWh"/> while the session runs.</summary>
    public DateTimeOffset? LastMeterAt { get; set; }

    /// <summary>Business problems found while accepting the session's messages.</summary>
    public TransactionProblems Problems { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A detached copy with the same values (the storage writer's cache of open transactions).</summary>
    internal ChargingTransaction Copy() => (ChargingTransaction)MemberwiseClone();
}
