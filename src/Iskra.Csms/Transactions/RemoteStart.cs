namespace Iskra.Csms.Transactions;

/// <summary>
/// A remote start the CSMS asked for (1.6 RemoteStartTransaction, 2.0.1 RequestStartTransaction).
/// The row's <see cref="Id"/> is the remoteStartId, so ids are unique and survive restarts. A 1.6
/// StartTransaction that follows on the same connector with the same idTag is linked to it
/// (<see cref="RemoteStarts.LinkWindow"/>); a 2.0.1 station names it in transactionInfo.remoteStartId.
/// </summary>
public sealed class RemoteStart
{
    /// <summary>The remoteStartId: positive, allocated by the database.</summary>
    public int Id { get; set; }

    public required string StationId { get; set; }

    /// <summary>The 1.6 connector or the 2.0.1 EVSE; null lets the station choose.</summary>
    public int? ConnectorId { get; set; }

    public required string IdTag { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The station's answer (Accepted, Rejected), or <c>Failed</c> / <c>NoAnswer</c> (<see cref="Failure"/>); null while unanswered.</summary>
    public string? Status { get; set; }

    /// <summary>Why the call got no answer: <c>CallError:&lt;code&gt;</c>, <c>Timeout</c>, <c>NotConnected</c> or <c>Cancelled</c>; null when the station answered.</summary>
    public string? Failure { get; set; }

    /// <summary>The OCPP transaction id of the 1.6 transaction linked to this start.</summary>
    public string? TransactionId { get; set; }
}
