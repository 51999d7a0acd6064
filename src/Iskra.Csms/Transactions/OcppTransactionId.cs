using System.Globalization;
using System.Text.Json;

namespace Iskra.Csms.Transactions;

/// <summary>
/// A transaction's OCPP id as its wire has it, wherever Iskra shows one (API views, events, webhooks):
/// SPEC §2.2 "the 1.6 integer or the 2.0.1 string". Both are stored as text; a 2.0.1 id stays a string
/// even when it looks like a number.
/// </summary>
public static class OcppTransactionId
{
    /// <summary>
    /// The id of <paramref name="tx"/>. A 1.6 transaction is one no 2.0.1 TransactionEvent touched: every
    /// such event carries a seqNo (E.FR), which sets <see cref="ChargingTransaction.LastSeqNo"/>; 1.6 never does.
    /// </summary>
    public static JsonElement Of(ChargingTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Of(tx.TransactionId, v16: tx.LastSeqNo is null);
    }

    /// <summary>The id <paramref name="transactionId"/> as a JSON integer when it is a 1.6 one, else as a JSON string.</summary>
    public static JsonElement Of(string transactionId, bool v16)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        return v16 && long.TryParse(transactionId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonSerializer.SerializeToElement(number, CsmsJsonContext.Default.Int64)
            : JsonSerializer.SerializeToElement(transactionId, CsmsJsonContext.Default.String);
    }
}
