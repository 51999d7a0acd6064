using Iskra.Csms.Transactions;

namespace Iskra.Csms.Tests.Transactions;

public sealed class EnergyRegisterTests
{
    [Theory]
    [InlineData("1234", null, 1234)] // OCPP 1.6 §7.43 / §7.45: unit defaults to Wh
    [InlineData("1234.5", "Wh", 1234.5)]
    [InlineData("12.5", "kWh", 12500)]
    [InlineData("1e3", "Wh", 1000)]
    public void The_register_is_read_in_Wh_whatever_the_unit(string value, string? unit, double expected) =>
        Assert.Equal((decimal)expected, EnergyRegister.ToWh(Reading(value, unit: unit)));

    [Fact]
    public void The_measurand_defaults_to_the_active_import_register()
    {
        // OCPP 1.6 §7.43 and 2.0.1 SampledValueType: an absent measurand means Energy.Active.Import.Register.
        Assert.Equal(10m, EnergyRegister.ToWh(Reading("10", measurand: null)));
        Assert.Equal(10m, EnergyRegister.ToWh(Reading("10", measurand: EnergyRegister.Measurand)));
    }

    [Theory]
    [InlineData("2", "Wh", 3, 2000)] // 2.0.1 UnitOfMeasureType.multiplier: value × 10^multiplier
    [InlineData("25", "Wh", -1, 2.5)]
    [InlineData("3", "kWh", 2, 300000)]
    [InlineData("12345", "kWh", -3, 12345)]
    public void The_2_0_1_multiplier_is_applied_as_a_power_of_ten(string value, string unit, int multiplier, double expected) =>
        Assert.Equal((decimal)expected, EnergyRegister.ToWh(Reading(value, unit: unit, multiplier: multiplier)));

    [Theory]
    [InlineData("Power.Active.Import")]
    [InlineData("Energy.Active.Export.Register")]
    [InlineData("Energy.Active.Import.Interval")]
    [InlineData("SoC")]
    public void Other_measurands_are_not_the_register(string measurand) =>
        Assert.Null(EnergyRegister.ToWh(Reading("10", measurand: measurand)));

    [Theory]
    [InlineData("L1")]
    [InlineData("L1-N")]
    [InlineData("N")]
    public void A_phase_specific_value_is_not_the_register_total(string phase) =>
        Assert.Null(EnergyRegister.ToWh(Reading("10", phase: phase)));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12,5")]
    [InlineData("0x10")]
    public void An_unparsable_value_gives_no_energy(string value) =>
        Assert.Null(EnergyRegister.ToWh(Reading(value)));

    [Theory]
    [InlineData("varh")]
    [InlineData("W")]
    [InlineData("MWh")]
    public void An_unknown_unit_gives_no_energy(string unit) =>
        Assert.Null(EnergyRegister.ToWh(Reading("10", unit: unit)));

    [Theory]
    [InlineData("1000000", 30)]
    [InlineData("0", 100_000_000)]
    [InlineData("1", int.MinValue)]
    [InlineData("79228162514264337593543950335", 1)]
    public void A_multiplier_beyond_decimal_range_gives_no_energy_instead_of_failing_the_write(string value, int multiplier) =>
        Assert.Null(EnergyRegister.ToWh(Reading(value, unit: "Wh", multiplier: multiplier)));

    [Fact]
    public void A_1_6_SignedData_value_is_not_read_as_a_number()
    {
        // OCPP 1.6 §7.49 ValueFormat: SignedData is a binary blob, not a register reading.
        Assert.Null(EnergyRegister.ToWh(Reading("10", format: "SignedData")));
        Assert.Equal(10m, EnergyRegister.ToWh(Reading("10", format: "Raw")));
    }

    private static SampledReading Reading(
        string value, string? measurand = null, string? phase = null, string? unit = null, int multiplier = 0, string? format = null) =>
        new(value, measurand, phase, unit, multiplier, Context: null, Location: null, format, SignedData: null);
}
