using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Iskra.TestLab.Runner;

/// <summary>Source-generated JSON for the lab's views, reports and events (camelCase, like the API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(RunView))]
[JsonSerializable(typeof(List<RunView>))]
[JsonSerializable(typeof(RunEvent))]
[JsonSerializable(typeof(Declared))]
public sealed partial class LabJsonContext : JsonSerializerContext;
