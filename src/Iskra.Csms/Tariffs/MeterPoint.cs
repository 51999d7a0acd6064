namespace Iskra.Csms.Tariffs;

/// <summary>One reading of a session's meter: the energy register in Wh, or the active power in W.</summary>
public readonly record struct MeterPoint(DateTimeOffset Timestamp, decimal Value);
