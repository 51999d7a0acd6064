using System.Globalization;
using System.Text.Json;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>
/// A <see cref="ChargeDetailRecord"/> as an OCPI 2.2.1 CDR (§10.3.1). Iskra has no OCPI Locations or Tokens of
/// its own, so: the location id is the station id, evse_uid <c>{stationId}*{evseId}</c>, evse_id the eMI3 form
/// <c>{CC}*{PARTY}*E{STATION}*{evseId}</c>; the token is the id tag, issued by the same party, type RFID
/// (OTHER and uid UNKNOWN without one), and auth_method WHITELIST, since no eMSP is asked; session_id is
/// Iskra's transaction number. A correction is a new CDR; the OCPI credit CDR that voids the record it
/// replaces comes from <see cref="Credit"/> (§10.2.1).
/// </summary>
public static class CdrOcpi
{
    private const int RemarkMaxLength = 255;

    /// <param name="site">What the location needs that Iskra does not keep; <see cref="OcpiSite.Unknown"/> when null.</param>
    /// <exception cref="JsonException">TariffJson, CostJson or SignedDataJson is not what Iskra writes.</exception>
    public static OcpiCdr From(ChargeDetailRecord cdr, OcpiParty party, OcpiSite? site = null)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        ArgumentNullException.ThrowIfNull(party);
        var tariff = JsonSerializer.Deserialize(cdr.TariffJson, BillingJsonContext.Default.TariffDefinition)
            ?? throw new JsonException($"CDR {cdr.Id} has no tariff.");
        var cost = JsonSerializer.Deserialize(cdr.CostJson, BillingJsonContext.Default.SessionCost)
            ?? throw new JsonException($"CDR {cdr.Id} has no cost.");
        var vat = tariff.VatPercent;
        return new()
        {
            CountryCode = party.CountryCode,
            PartyId = party.PartyId,
            Id = Text(cdr.Id),
            StartDateTime = cdr.StartedAt,
            EndDateTime = cdr.StoppedAt,
            SessionId = Text(cdr.TransactionDbId),
            CdrToken = Token(cdr, party),
            AuthMethod = "WHITELIST",
            CdrLocation = Location(cdr, party, site ?? OcpiSite.Unknown),
            Currency = cdr.Currency,
            // The tariff as priced: its version was in force when the session started.
            Tariffs = [OcpiTariffs.From(tariff, cdr.TariffId, party, cdr.StartedAt)],
            ChargingPeriods = OcpiChargingPeriods.From(cdr, cost),
            SignedData = OcpiSignedDataMapper.From(SignedReading.ListFrom(cdr.SignedDataJson)),
            TotalCost = new() { ExclVat = OcpiNumbers.Round(cdr.AmountExclVat), InclVat = OcpiNumbers.Round(cdr.Amount) },
            TotalFixedCost = Cost(cost, "FLAT", vat),
            TotalEnergy = OcpiNumbers.Round(cdr.EnergyWh / 1000m),
            TotalEnergyCost = Cost(cost, "ENERGY", vat),
            // Charging plus parking, each rounded as its periods are, so total_time - total_parking_time is the TIME sum.
            TotalTime = OcpiNumbers.Round(OcpiNumbers.Round(cdr.ChargingHours) + OcpiNumbers.Round(cdr.ParkingHours)),
            TotalTimeCost = Cost(cost, "TIME", vat),
            TotalParkingTime = OcpiNumbers.Round(cdr.ParkingHours),
            TotalParkingCost = Cost(cost, "PARKING_TIME", vat),
            Remark = Remark(cdr),
            LastUpdated = cdr.IssuedAt,
        };
    }

    /// <summary>
    /// The OCPI credit CDR for <paramref name="original"/> (§10.2.1): all its data, id with "-C" appended,
    /// <c>credit</c> true, <c>credit_reference_id</c> its id and only <c>total_cost</c> negated. Send it before
    /// the correction that replaces the original; <paramref name="creditedAt"/> is the correction's issue time.
    /// </summary>
    public static OcpiCdr Credit(ChargeDetailRecord original, DateTimeOffset creditedAt, OcpiParty party, OcpiSite? site = null)
    {
        var cdr = From(original, party, site);
        return cdr with
        {
            Id = cdr.Id + "-C",
            TotalCost = new() { ExclVat = -cdr.TotalCost.ExclVat, InclVat = -cdr.TotalCost.InclVat },
            Credit = true,
            CreditReferenceId = cdr.Id,
            LastUpdated = creditedAt,
        };
    }

    private static OcpiCdrToken Token(ChargeDetailRecord cdr, OcpiParty party) => new()
    {
        CountryCode = party.CountryCode,
        PartyId = party.PartyId,
        Uid = cdr.IdTag ?? "UNKNOWN",
        Type = cdr.IdTag is null ? "OTHER" : "RFID",
        ContractId = cdr.IdTag ?? "UNKNOWN",
    };

    private static OcpiCdrLocation Location(ChargeDetailRecord cdr, OcpiParty party, OcpiSite site) => new()
    {
        Id = cdr.StationId,
        Name = site.Name,
        Address = site.Address,
        City = site.City,
        PostalCode = site.PostalCode,
        State = site.State,
        Country = site.Country,
        Coordinates = new() { Latitude = site.Latitude, Longitude = site.Longitude },
        EvseUid = $"{cdr.StationId}*{Text(cdr.EvseId)}",
        EvseId = $"{party.CountryCode}*{party.PartyId}*E{Emi3(cdr.StationId)}*{Text(cdr.EvseId)}".ToUpperInvariant(),
        ConnectorId = Text(cdr.ConnectorId),
        ConnectorStandard = site.ConnectorStandard,
        ConnectorFormat = site.ConnectorFormat,
        ConnectorPowerType = site.PowerType,
    };

    /// <summary>What the lines of one dimension charged; null when no line did. Min/max adjustments stay in total_cost only.</summary>
    private static OcpiPrice? Cost(SessionCost cost, string component, decimal vatPercent)
    {
        var lines = cost.Breakdown.Where(l => l.Component == component).ToList();
        return lines.Count == 0 ? null : OcpiNumbers.Price(lines.Sum(l => l.Amount), vatPercent);
    }

    private static string? Remark(ChargeDetailRecord cdr)
    {
        string?[] parts =
        [
            string.IsNullOrEmpty(cdr.Flags) ? null : $"Meter data flagged: {cdr.Flags}",
            cdr.CorrectsId is { } corrected ? $"Replaces CDR {Text(corrected)}" + (string.IsNullOrEmpty(cdr.CorrectionReason) ? "" : $": {cdr.CorrectionReason}") : null,
        ];
        var remark = string.Join("; ", parts.Where(p => p is not null));
        return remark.Length == 0 ? null : remark[..Math.Min(remark.Length, RemarkMaxLength)];
    }

    /// <summary>eMI3 power outlet ids are letters, digits and '*': anything else in a station id is left out.</summary>
    private static string Emi3(string stationId) => string.Concat(stationId.Where(char.IsAsciiLetterOrDigit));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
