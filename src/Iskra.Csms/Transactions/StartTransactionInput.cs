namespace Iskra.Csms.Transactions;

/// <summary>A 1.6 StartTransaction. <see cref="MeterStartWh"/> is the register in Wh, as 1.6 defines it.</summary>
public sealed record StartTransactionInput(int ConnectorId, string IdTag, int MeterStartWh, DateTimeOffset Timestamp, int? ReservationId);
