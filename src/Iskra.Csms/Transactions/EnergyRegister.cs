using System.Globalization;

namespace Iskra.Csms.Transactions;

/// <summary>Reads the energy register out of sampled values, in Wh whatever unit the station used.</summary>
public static class EnergyRegister
{
    public const string Measurand = "Energy.Active.Import.Register";

    private const int MaxMultiplier = 28;

    /// <summary>
    /// The value in Wh when <paramref name="v"/> is the active import register (the default measurand
    /// of both versions), otherwise null. Units Wh (the default) and kWh, and the 2.0.1 multiplier, are applied.
    /// </summary>
    public static decimal? ToWh(SampledReading v)
    {
        if ((v.Measurand ?? Measurand) != Measurand || v.Phase is not null || v.Format == "SignedData")
        {
            return null;
        }

        return Scaled(v.Value, v.Unit switch
        {
            null or "Wh" => 1m,
            "kWh" => 1000m,
            _ => null,
        }, v.Multiplier);
    }

    /// <summary>
    /// <paramref name="value"/> × <paramref name="unitScale"/> × 10^<paramref name="multiplier"/> (the 2.0.1 unitOfMeasure),
    /// or null when the value is no number, the unit is unknown (a null scale) or the result is beyond decimal.
    /// </summary>
    internal static decimal? Scaled(string value, decimal? unitScale, int multiplier)
    {
        if (unitScale is not { } scale || !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return null;
        }

        // The schema sets no bounds on the multiplier: beyond decimal's 28 digits there is no usable value.
        if (multiplier is > MaxMultiplier or < -MaxMultiplier)
        {
            return null;
        }

        try
        {
            var scaled = parsed * scale;
            for (var i = 0; i < Math.Abs(multiplier); i++)
            {
                scaled = multiplier > 0 ? scaled * 10 : scaled / 10;
            }

            return scaled;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
