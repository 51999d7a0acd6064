using System.Text.Json;
using Iskra.Csms.Transactions;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// A session's cost as the API and the events show it: <see cref="Amount"/> including VAT in
/// <see cref="Currency"/>, its breakdown excluding VAT, whether it is final, and the flags that ask for review.
/// </summary>
public sealed record TransactionCost(
    decimal Amount,
    string Currency,
    decimal AmountExclVat,
    decimal Vat,
    decimal BilledEnergyWh,
    IReadOnlyList<CostLine> Breakdown,
    bool Final,
    IReadOnlyList<string> Flags,
    string TariffId,
    int TariffVersion)
{
    /// <summary>The cost stored with <paramref name="tx"/>; null while it has none (no tariff applies, or not priced yet).</summary>
    public static TransactionCost? Of(ChargingTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.CostJson is null || tx.TariffId is null ? null : From(Read(tx.CostJson), tx.TariffId, tx.TariffVersion ?? 0);
    }

    public static TransactionCost From(SessionCost cost, string tariffId, int tariffVersion)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new(cost.Amount, cost.Currency, cost.AmountExclVat, cost.Vat, cost.BilledEnergyWh, cost.Breakdown, cost.Final, cost.Flags, tariffId, tariffVersion);
    }

    public static SessionCost Read(string json) =>
        JsonSerializer.Deserialize(json, BillingJsonContext.Default.SessionCost) ?? throw new InvalidDataException("A stored session cost is empty.");

    public static string Write(SessionCost cost) => JsonSerializer.Serialize(cost, BillingJsonContext.Default.SessionCost);
}
