namespace Iskra.Csms.Transactions;

/// <summary>
/// What makes a sampled value the same sample: its timestamp, measurand, phase, location and context.
/// A station may legitimately send one twice: a 1.6 MeterValues retried under a new message id, or a
/// 2.0.1 Ended event that repeats the Transaction.Begin sample (TxEnded measurands are sampled from the
/// start of the transaction, 2.0.1 J02). Within one transaction such a repeat is one sample.
/// </summary>
public static class MeterSamples
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>
    /// A 64-bit FNV-1a hash of the sample's identity, absent fields taken at their spec defaults
    /// (1.6 §7.45 / 2.0.1 SampledValueType: Energy.Active.Import.Register, Sample.Periodic, Outlet).
    /// Kept with the row and unique per transaction, so repeats are skipped by the database on insert
    /// without a read (docs/decisions/008-repeated-meter-samples.md).
    /// </summary>
    public static long Key(DateTimeOffset timestamp, string? measurand, string? phase, string? location, string? context)
    {
        var hash = OffsetBasis;
        hash = Mix(hash, timestamp.UtcTicks);
        hash = Mix(hash, measurand ?? "Energy.Active.Import.Register");
        hash = Mix(hash, phase ?? "");
        hash = Mix(hash, location ?? "Outlet");
        hash = Mix(hash, context ?? "Sample.Periodic");
        return unchecked((long)hash);
    }

    private static ulong Mix(ulong hash, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = unchecked((hash ^ (byte)(value >> (i * 8))) * Prime);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, string value)
    {
        foreach (var c in value)
        {
            hash = unchecked((hash ^ (byte)c) * Prime);
            hash = unchecked((hash ^ (byte)(c >> 8)) * Prime);
        }

        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        return unchecked((hash ^ 0xFF) * Prime);
    }
}
