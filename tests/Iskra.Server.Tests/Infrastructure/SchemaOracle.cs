using System.Collections.Concurrent;
using System.Text.Json;
using Iskra.Ocpp;
using NJsonSchema;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>The official OCPP JSON schemas (eng/schemas, copied unchanged), read by NJsonSchema: the independent judge of what Iskra sends.</summary>
public static class SchemaOracle
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Schemas = new();

    public static async Task AssertValidAsync(OcppVersion version, string action, bool response, JsonElement payload)
    {
        var errors = await ValidateAsync(version, action, response, payload);
        Assert.True(errors.Count == 0, $"{version} {action}{(response ? "Response" : "Request")} violates the official schema: {string.Join("; ", errors)}\n{payload}");
    }

    public static async Task<IReadOnlyList<string>> ValidateAsync(OcppVersion version, string action, bool response, JsonElement payload)
    {
        var file = version == OcppVersion.V16
            ? Path.Combine(RepoRoot.Path, "eng", "schemas", "ocpp1.6", action + (response ? "Response" : "") + ".json")
            : Path.Combine(RepoRoot.Path, "eng", "schemas", "ocpp2.0.1", action + (response ? "Response" : "Request") + ".json");
        var schema = await Schemas.GetOrAdd(file, f => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromFileAsync(f))).Value;
        return schema.Validate(payload.GetRawText()).Select(e => $"{e.Path}: {e.Kind}").ToList();
    }
}
