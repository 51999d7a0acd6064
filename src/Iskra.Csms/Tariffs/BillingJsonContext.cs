using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs;

/// <summary>Source-generated JSON for the billing columns (tariff definitions and assignments, session costs).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TariffDefinition))]
[JsonSerializable(typeof(TariffAssignment))]
[JsonSerializable(typeof(SessionCost))]
public sealed partial class BillingJsonContext : JsonSerializerContext;
