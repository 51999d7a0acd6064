namespace Iskra.Csms.Tariffs.Export;

/// <summary>OCPI 2.2.1 §16.3 number: four decimals unless the field says otherwise, written without trailing zeros.</summary>
internal static class OcpiNumbers
{
    public static decimal Round(decimal value) =>
        Math.Round(value, 4, MidpointRounding.AwayFromZero) / 1.0000000000000000000000000000m;

    public static OcpiPrice Price(decimal exclVat, decimal vatPercent) =>
        new() { ExclVat = Round(exclVat), InclVat = Round(exclVat * (100m + vatPercent) / 100m) };

    /// <summary>
    /// Rounds a run of values so that their sum is the rounded sum of the originals: each one is the
    /// difference of rounded running totals.
    /// </summary>
    public static decimal[] RoundRun(IEnumerable<decimal> values)
    {
        var result = new List<decimal>();
        decimal total = 0m, roundedBefore = 0m;
        foreach (var value in values)
        {
            total += value;
            var rounded = Round(total);
            result.Add(Round(rounded - roundedBefore));
            roundedBefore = rounded;
        }

        return [.. result];
    }
}
