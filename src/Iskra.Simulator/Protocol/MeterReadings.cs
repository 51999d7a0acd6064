using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Protocol;

/// <summary>The values a connector's meter reads now, for a list of measurands (1.6 §9.1 MeterValuesSampledData).</summary>
internal static class MeterReadings
{
    private static readonly string?[] AcPhases = ["L1", "L2", "L3"];
    private static readonly string?[] NoPhase = [null];

    public static IReadOnlyList<MeterReading> Of(SimStation station, Connector connector, IReadOnlyList<string> measurands)
    {
        List<MeterReading> readings = [];
        foreach (var measurand in measurands)
        {
            switch (measurand)
            {
                case "Energy.Active.Import.Register":
                    readings.Add(Energy(station, connector));
                    break;
                case "Power.Active.Import":
                    readings.Add(new MeterReading(measurand, Math.Round(connector.PowerW, 1), "W"));
                    break;
                case "Power.Offered":
                    readings.Add(new MeterReading(measurand, Math.Round(Math.Min(connector.Options.MaxPowerW, connector.LimitW ?? double.MaxValue), 1), "W"));
                    break;
                case "Current.Import":
                    foreach (var phase in Phases(connector))
                    {
                        readings.Add(new MeterReading(measurand, Math.Round(connector.CurrentA, 2), "A", phase));
                    }

                    break;
                case "Voltage":
                    foreach (var phase in Phases(connector))
                    {
                        readings.Add(new MeterReading(measurand, connector.Options.Voltage, "V", phase is null ? null : phase + "-N"));
                    }

                    break;
                case "SoC" when connector.Ev is { } ev:
                    readings.Add(new MeterReading(measurand, Math.Round(ev.Soc * 100, 1), "Percent", null, "EV"));
                    break;
                default:
                    break;
            }
        }

        return readings;
    }

    /// <summary>How far below the start a <see cref="StationFault.MeterStopBelowStart"/> final register is, Wh.</summary>
    internal const double StopSetback = 1000;

    /// <summary>The final readings with the register <see cref="StopSetback"/> below the start (added when not sampled at the stop).</summary>
    public static IReadOnlyList<MeterReading> StopBelowStart(ChargingSession session, IReadOnlyList<MeterReading> readings)
    {
        var below = new MeterReading("Energy.Active.Import.Register", session.MeterStartWh - StopSetback, "Wh");
        return readings.Any(r => r.Measurand == below.Measurand)
            ? [.. readings.Select(r => r.Measurand == below.Measurand ? below : r)]
            : [.. readings, below];
    }

    /// <summary>How far back a <see cref="StationFault.NonMonotonicRegister"/> reading goes, Wh.</summary>
    internal const double RegisterSetback = 100;

    private static MeterReading Energy(SimStation station, Connector connector)
    {
        var wh = Math.Round(connector.RegisterWh, 0);
        if (station.Faults.IsOn(StationFault.NonMonotonicRegister) && station.Faults.Next(StationFault.NonMonotonicRegister) % 3 == 0)
        {
            // Every third reading is 100 Wh behind the true register (which keeps growing): the next one jumps ahead again.
            wh = Math.Max(0, wh - RegisterSetback);
        }

        return station.Faults.IsOn(StationFault.KwhLabelledWh) ? new MeterReading("Energy.Active.Import.Register", Math.Round(wh / 1000, 3), "Wh")
            : station.Faults.IsOn(StationFault.EnergyWithoutUnit) ? new MeterReading("Energy.Active.Import.Register", Math.Round(wh / 1000, 3), null)
            : new MeterReading("Energy.Active.Import.Register", wh, "Wh");
    }

    private static IEnumerable<string?> Phases(Connector connector) =>
        connector.Options.Dc ? NoPhase : AcPhases.Take(connector.Options.Phases);
}
