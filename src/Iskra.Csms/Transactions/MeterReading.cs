namespace Iskra.Csms.Transactions;

/// <summary>The sampled values taken at one moment (1.6 MeterValue, 2.0.1 MeterValueType).</summary>
public sealed record MeterReading(DateTimeOffset Timestamp, IReadOnlyList<SampledReading> Values);
