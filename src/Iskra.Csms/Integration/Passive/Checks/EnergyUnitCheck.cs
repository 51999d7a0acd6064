using System.Globalization;
using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// An energy register read as Wh (labelled Wh, or no unit: the default of 1.6 §7.31 SampledValue.unit and
/// 2.0.1 UnitOfMeasureType.unit) that grows far less than the power the station reports, times the time
/// between readings: values in kWh under the Wh label. Judged once per transaction, when power × time
/// reaches <see cref="PassiveOptions.MinExpectedEnergyWh"/>; a growth under
/// <see cref="PassiveOptions.MinEnergyRatio"/> of it is a finding. Silent without Power.Active.Import.
/// </summary>
internal static class EnergyUnitCheck
{
    public const string LabelledWh = "passive/kwh-labelled-wh";
    public const string WithoutUnit = "passive/energy-without-unit";

    public static string Requirement(OcppVersion version) => version == OcppVersion.V16
        ? "OCPP 1.6 §7.31 SampledValue.unit (default Wh)"
        : "OCPP 2.0.1 UnitOfMeasureType.unit (default Wh), J01";

    public static Finding Build(OcppVersion version, bool labelled, double grownWh, double expectedWh, double seconds, double powerW, double lastValue, EvidenceFrame frame)
    {
        var unit = labelled ? "labelled Wh" : "without a unit (Wh by default)";
        var observed = string.Create(CultureInfo.InvariantCulture,
            $"Energy.Active.Import.Register {unit} grew {grownWh:0.###} Wh in {seconds:0.#} s while the station reported {powerW:0.#} W (about {expectedWh:0.#} Wh); latest value {lastValue:0.###}: about 1000 times too small, a kWh value read as Wh");
        var fix = labelled
            ? "Send the register in Wh, or label it unit \"kWh\" when the meter gives kWh (in 2.0.1 unitOfMeasure.unit \"kWh\")."
            : (version == OcppVersion.V16
                ? "Send the unit of every energy sampled value (unit \"kWh\" for a kWh meter), or convert to Wh: an absent unit means Wh."
                : "Send unitOfMeasure with unit \"kWh\" for a kWh meter, or convert to Wh: an absent unitOfMeasure means Wh.");
        return new Finding(Requirement(version), "Energy.Active.Import.Register in the unit it is labelled with (Wh when no unit is given), so that its growth matches power × time", observed, fix, [frame])
        {
            Check = labelled ? LabelledWh : WithoutUnit,
        };
    }
}
