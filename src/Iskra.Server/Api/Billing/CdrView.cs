using System.Text.Json;
using System.Text.Json.Serialization;
using Iskra.Csms.Tariffs;

namespace Iskra.Server.Api.Billing;

/// <summary>
/// A charge detail record as the API shows it: the session, the tariff version it was priced with, the
/// amounts (<see cref="Amount"/> including VAT), the breakdown and periods, the flags that ask for review, and
/// the signed meter data when the station sent some. <see cref="CorrectsId"/> names the record it replaces.
/// </summary>
public sealed record CdrView(
    long Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? CorrectsId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CorrectionReason,
    DateTimeOffset IssuedAt,
    long Transaction,
    JsonElement TransactionId,
    string StationId,
    int EvseId,
    int? ConnectorId,
    string? IdTag,
    string? IdTagGroup,
    DateTimeOffset StartedAt,
    DateTimeOffset StoppedAt,
    decimal? MeterStartWh,
    decimal? MeterStopWh,
    decimal EnergyWh,
    decimal ChargingHours,
    decimal ParkingHours,
    string TariffId,
    int TariffVersion,
    string Currency,
    decimal AmountExclVat,
    decimal Vat,
    decimal Amount,
    IReadOnlyList<CostLine> Breakdown,
    IReadOnlyList<CostPeriod> Periods,
    IReadOnlyList<string> Flags,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? SignedData)
{
    public static CdrView From(ChargeDetailRecord c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var cost = TransactionCost.Read(c.CostJson);
        return new(c.Id, c.CorrectsId, c.CorrectionReason, c.IssuedAt, c.TransactionDbId, Csms.Transactions.OcppTransactionId.Of(c.TransactionId, v16: c.OcppVersion != "2.0.1"), c.StationId, c.EvseId,
            c.ConnectorId == 0 ? null : c.ConnectorId, c.IdTag, c.IdTagGroup, c.StartedAt, c.StoppedAt, c.MeterStartWh, c.MeterStopWh,
            c.EnergyWh, c.ChargingHours, c.ParkingHours, c.TariffId, c.TariffVersion, c.Currency, c.AmountExclVat, c.Vat, c.Amount,
            cost.Breakdown, cost.Periods, cost.Flags, c.SignedDataJson is { } signed ? JsonDocument.Parse(signed).RootElement.Clone() : null);
    }
}
