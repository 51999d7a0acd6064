using Iskra.Csms.Tariffs;

namespace Iskra.Csms.Tests.Tariffs;

/// <summary>Short ways to write tariffs and sessions in the pricer's tests.</summary>
internal static class PricingSamples
{
    public static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    /// <summary>2026-06-10 (a Wednesday) at the given UTC time.</summary>
    public static DateTimeOffset Utc(int hour, int minute = 0, int second = 0) => new(2026, 6, 10, hour, minute, second, TimeSpan.Zero);

    public static TariffDefinition Tariff(params TariffElement[] elements) => new("EUR", 0, elements);

    public static TariffElement Element(TariffDimension type, decimal price, int step = 1, TariffRestrictions? when = null) =>
        new([new PriceComponent(type, price, step)], when);

    public static TariffElement Energy(decimal price, int step = 1, TariffRestrictions? when = null) =>
        Element(TariffDimension.Energy, price, step, when);

    public static MeterPoint At(DateTimeOffset timestamp, decimal wh) => new(timestamp, wh);

    /// <summary>A session with only its registers (no readings).</summary>
    public static PricingInput Registers(DateTimeOffset start, DateTimeOffset end, decimal? startWh, decimal? stopWh, bool final = true) =>
        new(start, end, startWh, stopWh, [], [], final);

    public static PricingInput Session(
        DateTimeOffset start, DateTimeOffset end, decimal? startWh, decimal? stopWh, MeterPoint[] energy, MeterPoint[]? power = null, bool final = true) =>
        new(start, end, startWh, stopWh, energy, power ?? [], final);
}
