namespace Iskra.Simulator.SmartCharging;

/// <summary>
/// A TxProfile that came with a remote start (1.6 §5.16.2, 2.0.1 F01.FR.08) and waits for its transaction:
/// the id tag, the connector when named, the 2.0.1 remoteStartId, and since when it waits.
/// </summary>
public sealed record PendingTxProfile(ChargingProfile Profile, string IdTag, int? ConnectorId, int? RemoteStartId, DateTimeOffset Since);
