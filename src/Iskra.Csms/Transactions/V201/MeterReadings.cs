using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Transactions.V201;

/// <summary>2.0.1 MeterValueType → <see cref="MeterReading"/>, with unit, multiplier and signed meter value.</summary>
public static class MeterReadings
{
    public static IReadOnlyList<MeterReading> From(IReadOnlyList<MeterValueType>? values) =>
        values is null or { Count: 0 } ? [] : values.Select(From).ToList();

    private static MeterReading From(MeterValueType m) => new(m.Timestamp, m.SampledValue.Select(v => new SampledReading(
        v.Value.ToString(CultureInfo.InvariantCulture),
        WireName.Of(v.Measurand),
        WireName.Of(v.Phase),
        v.UnitOfMeasure?.Unit,
        v.UnitOfMeasure?.Multiplier ?? 0,
        WireName.Of(v.Context),
        WireName.Of(v.Location),
        Format: null,
        v.SignedMeterValue is { } signed ? JsonSerializer.Serialize(signed, V201JsonContext.Default.SignedMeterValueType) : null)).ToList());
}
