using Iskra.Csms.Transactions;

namespace Iskra.Server.Api;

/// <summary>The sampled values a station sent with one timestamp (1.6 MeterValue, 2.0.1 MeterValueType).</summary>
public sealed record MeterValueView(DateTimeOffset Timestamp, IReadOnlyList<SampledValueView> SampledValue)
{
    /// <summary>Groups stored rows by timestamp, oldest first, each group in the order it arrived.</summary>
    public static IReadOnlyList<MeterValueView> Group(IEnumerable<MeterValueRecord> rows) =>
        [.. rows.OrderBy(r => r.Timestamp).ThenBy(r => r.Id).GroupBy(r => r.Timestamp)
            .Select(g => new MeterValueView(g.Key, [.. g.Select(SampledValueView.From)]))];
}
