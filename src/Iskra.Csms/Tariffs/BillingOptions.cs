namespace Iskra.Csms.Tariffs;

/// <summary>Settings under <c>Billing:</c> (docs/billing.md).</summary>
public sealed class BillingOptions
{
    /// <summary>How often the cost of running sessions with new meter values is computed again (and sent to stations that show it).</summary>
    public TimeSpan RunningCostInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An energy step that implies more power than this is not billed and flags the session.</summary>
    public decimal MaxPlausiblePowerKw { get; set; } = TariffPricer.DefaultMaxPlausiblePowerKw;

    /// <summary>Whether running and final costs are sent to stations (2.0.1 block I; 1.6 through a vendor display).</summary>
    public bool SendCostToStations { get; set; } = true;

    /// <summary>OCPI country_code of the operator in exported records (ISO 3166 alpha-2); XX (user-assigned) until set.</summary>
    public string CountryCode { get; set; } = "XX";

    /// <summary>OCPI party_id of the operator in exported records (three characters); ISK until set.</summary>
    public string PartyId { get; set; } = "ISK";
}
