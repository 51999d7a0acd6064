using System.Text.Json.Serialization;

namespace Iskra.Simulator.Control;

/// <summary>The control API's JSON: camelCase, nulls left out, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(StationState))]
[JsonSerializable(typeof(IReadOnlyList<StationState>))]
[JsonSerializable(typeof(PlugBody))]
[JsonSerializable(typeof(CardBody))]
[JsonSerializable(typeof(FaultBody))]
[JsonSerializable(typeof(ActionAnswer))]
[JsonSerializable(typeof(IReadOnlyList<FaultInfo>))]
[JsonSerializable(typeof(IReadOnlyList<LogEntryView>))]
[JsonSerializable(typeof(ProblemBody))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
