using Iskra.Csms.Transactions;

namespace Iskra.Server.Api;

/// <summary>
/// One sampled value as the station sent it (the value verbatim as text; <see cref="Multiplier"/> is the
/// 2.0.1 unitOfMeasure.multiplier: the value means value × 10^multiplier unit).
/// </summary>
public sealed record SampledValueView(string Value, string? Measurand, string? Phase, string? Unit, string? Context, string? Location, int? Multiplier)
{
    public static SampledValueView From(MeterValueRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Value, row.Measurand, row.Phase, row.Unit, row.Context, row.Location, row.Multiplier);
    }
}
