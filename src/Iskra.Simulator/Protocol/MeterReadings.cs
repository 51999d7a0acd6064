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

    private static MeterReading Energy(SimStation station, Connector connector)
    {
        var wh = Math.Round(connector.RegisterWh, 0);
        return station.Faults.IsOn(StationFault.KwhLabelledWh) ? new MeterReading("Energy.Active.Import.Register", Math.Round(wh / 1000, 3), "Wh")
            : station.Faults.IsOn(StationFault.EnergyWithoutUnit) ? new MeterReading("Energy.Active.Import.Register", Math.Round(wh / 1000, 3), null)
            : new MeterReading("Energy.Active.Import.Register", wh, "Wh");
    }

    private static IEnumerable<string?> Phases(Connector connector) =>
        connector.Options.Dc ? NoPhase : AcPhases.Take(connector.Options.Phases);
}
