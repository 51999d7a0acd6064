namespace Iskra.Csms.Tariffs;

/// <summary>
/// What one version of a tariff charges, in the shape of an OCPI 2.2.1 Tariff: elements of price
/// components with optional restrictions, a minimum and a maximum price, the currency and VAT.
/// Prices are excluding VAT; <see cref="VatPercent"/> applies to every component of the tariff.
/// </summary>
/// <param name="Currency">ISO 4217 code, three upper-case letters.</param>
/// <param name="VatPercent">VAT in percent (19 for 19 %), 0 when prices are VAT-free.</param>
/// <param name="Elements">In order: for each dimension, the first element whose restrictions hold prices it (OCPI 2.2.1 §11.4.4).</param>
/// <param name="MinPrice">A session costs at least this, excluding VAT.</param>
/// <param name="MaxPrice">A session costs at most this, excluding VAT.</param>
/// <param name="TimeZone">IANA zone in which time-of-day, day-of-week and date restrictions are read.</param>
public sealed record TariffDefinition(
    string Currency,
    decimal VatPercent,
    IReadOnlyList<TariffElement> Elements,
    decimal? MinPrice = null,
    decimal? MaxPrice = null,
    string TimeZone = "UTC");
