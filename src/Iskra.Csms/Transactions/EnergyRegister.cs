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

        if (!decimal.TryParse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var scale = v.Unit switch
        {
            null or "Wh" => 1m,
            "kWh" => 1000m,
            _ => (decimal?)null,
        };
        if (scale is null)
        {
            return null;
        }

        // The schema sets no bounds on the multiplier: beyond decimal's 28 digits there is no usable value.
        if (v.Multiplier is > MaxMultiplier or < -MaxMultiplier)
        {
            return null;
        }

        try
        {
            var multiplied = value * scale.Value;
            for (var i = 0; i < Math.Abs(v.Multiplier); i++)
            {
                multiplied = v.Multiplier > 0 ? multiplied * 10 : multiplied / 10;
            }

            return multiplied;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
