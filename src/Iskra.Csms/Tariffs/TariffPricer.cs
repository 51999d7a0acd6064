namespace Iskra.Csms.Tariffs;

/// <summary>
/// Prices a session with a tariff: pure, decimal arithmetic, no I/O (docs/billing.md says the rules).
/// </summary>
public static class TariffPricer
{
    /// <summary>An energy step implying more than this is not billed (<see cref="CostFlags.ImplausibleEnergy"/>).</summary>
    public const decimal DefaultMaxPlausiblePowerKw = 1000m;

    public static SessionCost Price(TariffDefinition tariff, PricingInput input, decimal maxPlausiblePowerKw = DefaultMaxPlausiblePowerKw)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(input);
        throw new NotImplementedException();
    }
}
