using System.Text.Json;

namespace Iskra.Server.Api;

/// <summary>
/// A reservation: the OCPP <c>reservationId</c>, <c>connectorId</c> (2.0.1: the EVSE; null for any),
/// the station's answer or what became of it (<c>status</c>; <c>failure</c> says why a <c>Failed</c> /
/// <c>NoAnswer</c> one got no answer), and the transaction that used it, if any.
/// <c>transactionId</c> is its OCPP id (the 1.6 integer or the 2.0.1 string).
/// <c>active</c>: accepted, not expired, not cancelled, ended or used (1.6 stations report no expiry).
/// </summary>
public sealed record ReservationView(
    int ReservationId,
    int? ConnectorId,
    string IdTag,
    string? ParentIdTag,
    DateTimeOffset ExpiryDate,
    string Status,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? UsedAt,
    JsonElement? TransactionId,
    bool Active);
