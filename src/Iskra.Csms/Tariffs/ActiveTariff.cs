namespace Iskra.Csms.Tariffs;

/// <summary>A tariff that applies to new sessions: its current version and where it applies.</summary>
public sealed record ActiveTariff(string Id, int Version, TariffDefinition Definition, TariffAssignment Assignment);
