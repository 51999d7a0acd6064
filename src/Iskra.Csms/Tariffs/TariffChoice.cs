namespace Iskra.Csms.Tariffs;

/// <summary>The tariff version a session is priced with.</summary>
public sealed record TariffChoice(string TariffId, int Version, TariffDefinition Definition);
