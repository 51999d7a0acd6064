namespace Iskra.Csms.Transactions;

/// <summary>A 2.0.1 TransactionEvent, version-neutral enough for <see cref="TransactionService"/>.</summary>
public sealed record TransactionEventInput(
    string EventType,
    DateTimeOffset Timestamp,
    string TriggerReason,
    int SeqNo,
    bool Offline,
    string TransactionId,
    string? ChargingState,
    string? StoppedReason,
    int? RemoteStartId,
    string? IdToken,
    string? IdTokenType,
    int? EvseId,
    int? ConnectorId,
    int? ReservationId,
    IReadOnlyList<MeterReading> MeterValues);
