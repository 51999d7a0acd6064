using System.Text.Json.Serialization;
using Iskra.Csms.Tariffs.Export;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// Source-generated JSON for billing: the JSON columns of tariffs, sessions and <see cref="ChargeDetailRecord"/>
/// (camelCase <see cref="TariffDefinition"/>, <see cref="TariffAssignment"/>, <see cref="SessionCost"/>,
/// <see cref="SignedReading"/> list; enums as strings) and the OCPI 2.2.1 export types, whose snake_case names
/// are set on each property.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TariffDefinition))]
[JsonSerializable(typeof(TariffAssignment))]
[JsonSerializable(typeof(SessionCost))]
[JsonSerializable(typeof(List<SignedReading>))]
[JsonSerializable(typeof(OcpiCdr))]
[JsonSerializable(typeof(List<OcpiCdr>))]
public sealed partial class BillingJsonContext : JsonSerializerContext;
