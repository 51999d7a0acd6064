using Iskra.Csms.Transactions;

namespace Iskra.Csms.Tariffs;

/// <summary>Turns a session's stored meter value rows into the energy (Wh) and power (W) series the pricer reads.</summary>
internal static class MeterRows
{
    public const string PowerMeasurand = "Power.Active.Import";

    /// <summary>The energy register readings in Wh and the active power readings in W (whole-meter values only, no phases).</summary>
    public static (List<MeterPoint> EnergyWh, List<MeterPoint> PowerW) From(IEnumerable<MeterValueRecord> rows)
    {
        List<MeterPoint> energy = [];
        List<MeterPoint> power = [];
        foreach (var r in rows)
        {
            var reading = new SampledReading(r.Value, r.Measurand, r.Phase, r.Unit, r.Multiplier ?? 0, r.Context, r.Location, r.Format, null);
            if (EnergyRegister.ToWh(reading) is { } wh)
            {
                energy.Add(new MeterPoint(r.Timestamp, wh));
            }
            else if (r.Measurand == PowerMeasurand && r.Phase is null && Watts(reading) is { } w)
            {
                power.Add(new MeterPoint(r.Timestamp, w));
            }
        }

        return (energy, power);
    }

    private static decimal? Watts(SampledReading v) => EnergyRegister.Scaled(v.Value, v.Unit switch
    {
        null or "W" => 1m,
        "kW" => 1000m,
        _ => null,
    }, v.Multiplier);
}
