using Iskra.Csms.Tariffs;

namespace Iskra.Csms.Events;

/// <summary>The body of <c>cdr.issued</c>: a charge detail record was issued (a correction names the record it replaces).</summary>
public sealed record CdrIssuedData(long Id, long TransactionDbId, string StationId, string? IdTag, decimal Amount, string Currency, decimal EnergyWh, IReadOnlyList<string> Flags, long? CorrectsId)
{
    public static CdrIssuedData Of(ChargeDetailRecord cdr)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        return new(cdr.Id, cdr.TransactionDbId, cdr.StationId, cdr.IdTag, cdr.Amount, cdr.Currency, cdr.EnergyWh,
            cdr.Flags is null ? [] : cdr.Flags.Split(','), cdr.CorrectsId);
    }
}
