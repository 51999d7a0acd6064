namespace Iskra.Csms.Tariffs;

/// <summary>A tariff as the operator gives it: <see cref="TariffBody"/> reads it from the API's JSON.</summary>
public sealed record TariffInput(string? Id, string? Name, TariffDefinition Definition, TariffAssignment Assignment);
