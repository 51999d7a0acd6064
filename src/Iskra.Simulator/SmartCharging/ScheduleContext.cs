namespace Iskra.Simulator.SmartCharging;

/// <summary>
/// Whose schedule is computed: a connector (0 for the whole station), its supply for A↔W, and its running
/// transaction (the station's own id and start, the anchor of Relative profiles) when there is one.
/// </summary>
public sealed record ScheduleContext(int ConnectorId, ElectricalSupply Supply, string? TransactionId = null, DateTimeOffset? TransactionStart = null);
