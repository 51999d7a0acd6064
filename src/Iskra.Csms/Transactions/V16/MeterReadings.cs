using Iskra.Ocpp.Json;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Transactions.V16;

/// <summary>1.6 MeterValue → <see cref="MeterReading"/>, keeping every field (signed data stays in the value).</summary>
public static class MeterReadings
{
    public static IReadOnlyList<MeterReading> From(IReadOnlyList<MeterValue>? values) =>
        values is null or { Count: 0 } ? [] : values.Select(From).ToList();

    private static MeterReading From(MeterValue m) => new(m.Timestamp, m.SampledValue.Select(v => new SampledReading(
        v.Value,
        WireName.Of(v.Measurand),
        WireName.Of(v.Phase),
        WireName.Of(v.Unit),
        Multiplier: 0,
        WireName.Of(v.Context),
        WireName.Of(v.Location),
        WireName.Of(v.Format),
        v.Format == ValueFormat.SignedData ? v.Value : null)).ToList());
}
