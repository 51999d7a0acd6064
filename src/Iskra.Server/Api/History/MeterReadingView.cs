using Iskra.Csms.Transactions;

namespace Iskra.Server.Api.History;

/// <summary>
/// One sampled value a station sent outside a transaction (1.6 MeterValues without transactionId, 2.0.1 MeterValuesRequest),
/// verbatim as text; <see cref="Multiplier"/> is the 2.0.1 unitOfMeasure.multiplier (value × 10^multiplier unit).
/// </summary>
public sealed record MeterReadingView(
    long Id, int EvseId, int ConnectorId, DateTimeOffset Timestamp, string Value, string? Measurand, string? Phase, string? Unit,
    int? Multiplier, string? Context, string? Location, string? Format, string? SignedData, DateTimeOffset ReceivedAt)
{
    public static MeterReadingView From(MeterValueRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.EvseId, row.ConnectorId, row.Timestamp, row.Value, row.Measurand, row.Phase, row.Unit, row.Multiplier,
            row.Context, row.Location, row.Format, row.SignedData, row.ReceivedAt);
    }
}
