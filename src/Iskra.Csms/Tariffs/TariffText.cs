using System.Globalization;
using System.Text;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// A tariff in one line for a driver (2.0.1 I01 personalMessage, at most 512 characters): prices including
/// VAT, each element with its time and day restrictions, e.g.
/// <c>0.48 EUR/kWh; Mon-Fri 08:00-20:00: 0.60 EUR/kWh; parking 2.38 EUR/h; incl. 19% VAT</c>.
/// </summary>
public static class TariffText
{
    public const int MaxLength = 512;

    public static string Describe(TariffDefinition tariff)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        var vat = 1m + (tariff.VatPercent / 100m);
        List<string> parts = [];
        foreach (var element in tariff.Elements)
        {
            var prices = string.Join(", ", element.PriceComponents.Select(c => Price(c, vat, tariff.Currency)));
            parts.Add(When(element.Restrictions) is { Length: > 0 } when ? $"{when}: {prices}" : prices);
        }

        if (tariff.MinPrice is { } min)
        {
            parts.Add($"min. {Money(min * vat)} {tariff.Currency}");
        }

        if (tariff.MaxPrice is { } max)
        {
            parts.Add($"max. {Money(max * vat)} {tariff.Currency}");
        }

        parts.Add(tariff.VatPercent == 0 ? "no VAT" : string.Create(CultureInfo.InvariantCulture, $"incl. {tariff.VatPercent:0.##}% VAT"));
        var text = string.Join("; ", parts);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    private static string Price(PriceComponent c, decimal vat, string currency) => c.Type switch
    {
        TariffDimension.Energy => $"{Money(c.Price * vat)} {currency}/kWh",
        TariffDimension.Time => $"{Money(c.Price * vat)} {currency}/h charging",
        TariffDimension.ParkingTime => $"parking {Money(c.Price * vat)} {currency}/h",
        _ => $"session fee {Money(c.Price * vat)} {currency}",
    };

    private static string When(TariffRestrictions? r)
    {
        if (r is null)
        {
            return "";
        }

        var s = new StringBuilder();
        if (r.DaysOfWeek is { Count: > 0 } days)
        {
            s.Append(string.Join(',', days.Select(d => d.ToString()[..3])));
        }

        if (r.StartTime is not null || r.EndTime is not null)
        {
            s.Append(s.Length > 0 ? " " : "")
                .Append(r.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "00:00").Append('-')
                .Append(r.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "24:00");
        }

        if (r.MinKwh is { } minKwh)
        {
            s.Append(s.Length > 0 ? " " : "").Append(CultureInfo.InvariantCulture, $"from {minKwh:0.###} kWh");
        }

        if (r.MinDurationSeconds is { } minDuration)
        {
            s.Append(s.Length > 0 ? " " : "").Append(CultureInfo.InvariantCulture, $"after {minDuration / 60} min");
        }

        return s.ToString();
    }

    private static string Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
