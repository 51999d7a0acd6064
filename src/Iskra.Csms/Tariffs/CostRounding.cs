namespace Iskra.Csms.Tariffs;

/// <summary>
/// The pricer's rounding rules, in one place. All arithmetic is <see cref="decimal"/>; every rounding is
/// half away from zero (0.005 → 0.01), as on a receipt.
/// </summary>
internal static class CostRounding
{
    /// <summary>Ticks (100 ns) in one second.</summary>
    public const decimal TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>Ticks (100 ns) in one hour.</summary>
    public const decimal TicksPerHour = TimeSpan.TicksPerHour;

    /// <summary>A cost line's amount: quantity × unit price to 4 decimals.</summary>
    public static decimal LineAmount(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>A session total (excluding VAT, the VAT itself): to the currency's minor unit, 2 decimals.</summary>
    public static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Reported quantities (kWh, hours) to 6 decimals. Also applied to accumulated Wh and seconds before a step
    /// size rounds them up, so that decimal noise from spreading energy over time (1/3 of a Wh written with 28
    /// digits) never bills a whole extra step.
    /// </summary>
    public static decimal Quantity(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Rounds <paramref name="quantity"/> up to a whole multiple of <paramref name="stepSize"/> (OCPI 2.2.1
    /// PriceComponent.step_size: "billed in blocks of this size"). A step size below 1 counts as 1; a quantity
    /// of zero or less bills nothing.
    /// </summary>
    public static decimal UpToStep(decimal quantity, int stepSize)
    {
        if (quantity <= 0)
        {
            return 0;
        }

        var step = Math.Max(1, stepSize);
        return Math.Ceiling(Quantity(quantity) / step) * step;
    }

    /// <summary>Hours in <paramref name="ticks"/>, to 6 decimals.</summary>
    public static decimal Hours(decimal ticks) => Quantity(ticks / TicksPerHour);
}
