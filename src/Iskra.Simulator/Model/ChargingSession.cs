namespace Iskra.Simulator.Model;

/// <summary>A transaction on one connector, from its start to its stop message.</summary>
public sealed class ChargingSession(string localId, string idTag, double meterStartWh, DateTimeOffset startedAt)
{
    /// <summary>The station's own id: the 2.0.1 transactionId, and the 1.6 key until the CSMS assigns one.</summary>
    public string LocalId { get; } = localId;

    public string IdTag { get; } = idTag;

    public double MeterStartWh { get; } = meterStartWh;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The 1.6 transactionId from StartTransaction.conf; null until it arrives.</summary>
    public int? CsmsTransactionId { get; set; }

    /// <summary>The 2.0.1 remoteStartId when a RequestStartTransaction began it.</summary>
    public int? RemoteStartId { get; init; }

    public int? ReservationId { get; init; }

    /// <summary>The next 2.0.1 TransactionEvent seqNo.</summary>
    public int NextSeqNo { get; set; }

    /// <summary>Seconds with power flowing (2.0.1 timeSpentCharging).</summary>
    public double SecondsCharging { get; set; }

    /// <summary>Set when the stop has been decided (reason in the 1.6 vocabulary, e.g. Local, Remote, EVDisconnected).</summary>
    public string? StopReason { get; set; }

    /// <summary>The group of the id tag (1.6 parentIdTag, 2.0.1 groupIdToken), from the authorization or the start answer; another card of the group may stop the transaction (1.6 §3.10).</summary>
    public string? ParentIdTag { get; set; }

    /// <summary>The id tag that stopped the transaction when it is not the one that started it (a card of the same group).</summary>
    public string? StopIdTag { get; set; }

    /// <summary>The CSMS refused the id tag in the start answer (1.6 StopTransactionOnInvalidId).</summary>
    public bool Deauthorized { get; set; }

    /// <summary>The id tag was refused and the transaction goes on without energy (1.6 §3.5.1, StopTransactionOnInvalidId false).</summary>
    public bool EnergyStopped { get; set; }
}
