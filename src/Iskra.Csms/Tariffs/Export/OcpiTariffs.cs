using System.Globalization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>A <see cref="TariffDefinition"/> as an OCPI 2.2.1 Tariff (§11.3.1); the shapes match field for field.</summary>
public static class OcpiTariffs
{
    /// <param name="lastUpdated">When this version was last changed, as far as the caller knows.</param>
    public static OcpiTariff From(TariffDefinition tariff, string id, OcpiParty party, DateTimeOffset lastUpdated)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(party);
        return new()
        {
            CountryCode = party.CountryCode,
            PartyId = party.PartyId,
            Id = id,
            Currency = tariff.Currency,
            MinPrice = tariff.MinPrice is { } min ? OcpiNumbers.Price(min, tariff.VatPercent) : null,
            MaxPrice = tariff.MaxPrice is { } max ? OcpiNumbers.Price(max, tariff.VatPercent) : null,
            Elements = [.. tariff.Elements.Select(e => Element(e, tariff.VatPercent))],
            LastUpdated = lastUpdated,
        };
    }

    private static OcpiTariffElement Element(TariffElement element, decimal vatPercent) => new()
    {
        // The VAT of a TariffDefinition applies to every component; 0 % is written as 0, not left out (§11.4.2).
        PriceComponents = [.. element.PriceComponents.Select(c => new OcpiPriceComponent
        {
            Type = TariffDimensions.Name(c.Type),
            Price = OcpiNumbers.Round(c.Price),
            Vat = OcpiNumbers.Round(vatPercent),
            StepSize = c.StepSize,
        })],
        Restrictions = element.Restrictions is { } r ? Restrictions(r) : null,
    };

    private static OcpiTariffRestrictions Restrictions(TariffRestrictions r) => new()
    {
        StartTime = r.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        EndTime = r.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        StartDate = r.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndDate = r.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        MinKwh = Round(r.MinKwh),
        MaxKwh = Round(r.MaxKwh),
        MinPower = Round(r.MinPowerKw),
        MaxPower = Round(r.MaxPowerKw),
        MinDuration = r.MinDurationSeconds,
        MaxDuration = r.MaxDurationSeconds,
        DayOfWeek = r.DaysOfWeek?.Select(d => d.ToString().ToUpperInvariant()).ToArray(),
    };

    private static decimal? Round(decimal? value) => value is { } v ? OcpiNumbers.Round(v) : null;
}
