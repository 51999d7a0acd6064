namespace Iskra.Csms.Transactions;

/// <summary>One sampled value of either version. <see cref="Multiplier"/> is the 2.0.1 unitOfMeasure power of ten.</summary>
public sealed record SampledReading(
    string Value,
    string? Measurand,
    string? Phase,
    string? Unit,
    int Multiplier,
    string? Context,
    string? Location,
    string? Format,
    string? SignedData);
