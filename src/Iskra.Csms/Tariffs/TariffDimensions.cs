namespace Iskra.Csms.Tariffs;

/// <summary>The OCPI 2.2.1 TariffDimensionType names of <see cref="TariffDimension"/>, the one mapping the API, the pricer and the exports use.</summary>
public static class TariffDimensions
{
    /// <summary>Every name, for error messages.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ENERGY", "FLAT", "PARKING_TIME", "TIME"];

    public static string Name(TariffDimension dimension) => dimension switch
    {
        TariffDimension.Energy => "ENERGY",
        TariffDimension.Flat => "FLAT",
        TariffDimension.ParkingTime => "PARKING_TIME",
        TariffDimension.Time => "TIME",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The dimension named <paramref name="name"/>; null for any other text.</summary>
    public static TariffDimension? Parse(string name) => name switch
    {
        "ENERGY" => TariffDimension.Energy,
        "FLAT" => TariffDimension.Flat,
        "PARKING_TIME" => TariffDimension.ParkingTime,
        "TIME" => TariffDimension.Time,
        _ => null,
    };
}
