using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp.Tests.Schemas;

/// <summary>One invalid variant of a valid sample, with the error the validator must report.</summary>
public sealed record Mutation(string Description, JsonNode Payload, OcppErrorCode Code, string Path)
{
    /// <summary>False where NJsonSchema is laxer than the OCPP rule (it accepts 2024-02-30).</summary>
    public bool OracleRejects { get; init; } = true;

    public override string ToString() => $"{Description} at {Path}";
}

/// <summary>
/// Derives invalid samples from a valid one, one violation each, at every place the schema allows:
/// a missing required property, an unknown property on a closed object, a wrong JSON type, a value
/// outside an enum, a string over maxLength, an invalid date-time or URI, a number out of bounds or
/// off its multipleOf, an array under minItems or over maxItems. Codes per OCPP-J 1.6 §4.2.3.
/// </summary>
public static class SchemaMutations
{
    public static IReadOnlyList<Mutation> All(JsonObject root, JsonObject sample)
    {
        var mutations = new List<Mutation>
        {
            new("payload is an array", new JsonArray(), OcppErrorCode.FormatViolation, "$"),
        };
        Visit(root, root, sample, [], mutations);
        return mutations;
    }

    private static void Visit(JsonObject root, JsonObject schema, JsonObject sample, List<object> path, List<Mutation> mutations)
    {
        schema = SchemaSamples.Resolve(root, schema);
        var type = schema["type"]?.GetValue<string>();
        var isRoot = path.Count == 0;
        void Replace(string description, JsonNode? value, OcppErrorCode code) =>
            mutations.Add(new(description, With(sample, path, value), code, Render(path)));

        if (schema["enum"] is not null)
        {
            Replace("value outside the enum", "NotAnAllowedValue", OcppErrorCode.PropertyConstraintViolation);
            Replace("enum as a number", 7, OcppErrorCode.TypeConstraintViolation);
            return;
        }

        switch (type)
        {
            case "object":
                if (!isRoot)
                {
                    Replace("object as a string", "object", OcppErrorCode.TypeConstraintViolation);
                }

                foreach (var required in SchemaSamples.Required(schema))
                {
                    var without = sample.DeepClone().AsObject();
                    ((JsonObject)At(without, path)!).Remove(required);
                    mutations.Add(new("required property removed", without, OcppErrorCode.OccurrenceConstraintViolation, Render([.. path, required])));
                }

                if (SchemaSamples.Closed(schema))
                {
                    var extra = sample.DeepClone().AsObject();
                    ((JsonObject)At(extra, path)!)["unexpectedProperty"] = 1;
                    mutations.Add(new("unknown property", extra, OcppErrorCode.FormatViolation, Render([.. path, "unexpectedProperty"])));
                }

                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        Visit(root, (JsonObject)property!, sample, [.. path, name], mutations);
                    }
                }

                break;
            case "array":
                Replace("array as an object", new JsonObject(), OcppErrorCode.TypeConstraintViolation);
                if (schema["minItems"]?.GetValue<int>() is > 0)
                {
                    Replace("array under minItems", new JsonArray(), OcppErrorCode.OccurrenceConstraintViolation);
                }

                var item = ((JsonArray)At(sample, path)!)[0]!;
                if (schema["maxItems"]?.GetValue<int>() is { } maxItems)
                {
                    var over = new JsonArray([.. Enumerable.Range(0, maxItems + 1).Select(_ => item.DeepClone())]);
                    Replace("array over maxItems", over, OcppErrorCode.OccurrenceConstraintViolation);
                }

                Visit(root, (JsonObject)schema["items"]!, sample, [.. path, 0], mutations);
                break;
            case "string":
                Replace("string as a number", 42, OcppErrorCode.TypeConstraintViolation);
                switch (schema["format"]?.GetValue<string>())
                {
                    case "date-time":
                        Replace("invalid date-time", "not-a-date", OcppErrorCode.PropertyConstraintViolation);
                        mutations.Add(new("impossible date", With(sample, path, "2024-02-30T10:00:00Z"), OcppErrorCode.PropertyConstraintViolation, Render(path))
                        {
                            OracleRejects = false,
                        });
                        break;
                    case "uri":
                        Replace("invalid uri", "not a uri", OcppErrorCode.PropertyConstraintViolation);
                        break;
                }

                if (schema["maxLength"]?.GetValue<int>() is { } maxLength)
                {
                    Replace("string over maxLength", new string('x', maxLength + 1), OcppErrorCode.PropertyConstraintViolation);
                }

                break;
            case "integer":
                Replace("integer as a string", "3", OcppErrorCode.TypeConstraintViolation);
                Replace("integer with a fraction", 3.5m, OcppErrorCode.TypeConstraintViolation);
                if (schema["minimum"]?.GetValue<decimal>() is { } minimum)
                {
                    Replace("integer under minimum", (int)minimum - 1, OcppErrorCode.PropertyConstraintViolation);
                }

                if (schema["maximum"]?.GetValue<decimal>() is { } maximum)
                {
                    Replace("integer over maximum", (int)maximum + 1, OcppErrorCode.PropertyConstraintViolation);
                }

                break;
            case "number":
                Replace("number as a string", "2.5", OcppErrorCode.TypeConstraintViolation);
                if (schema["multipleOf"]?.GetValue<decimal>() is { } step)
                {
                    Replace("number off multipleOf", JsonNode.Parse((step * 10.5m).ToString(CultureInfo.InvariantCulture)), OcppErrorCode.PropertyConstraintViolation);
                }

                break;
            case "boolean":
                Replace("boolean as a string", "true", OcppErrorCode.TypeConstraintViolation);
                break;
        }
    }

    private static JsonObject With(JsonObject sample, List<object> path, JsonNode? value)
    {
        var copy = sample.DeepClone().AsObject();
        var parent = At(copy, path[..^1])!;
        switch (path[^1])
        {
            case string name:
                parent[name] = value;
                break;
            case int index:
                parent[index] = value;
                break;
        }

        return copy;
    }

    private static JsonNode? At(JsonNode node, List<object> path)
    {
        JsonNode? current = node;
        foreach (var segment in path)
        {
            current = segment is string name ? current![name] : current![(int)segment];
        }

        return current;
    }

    private static string Render(List<object> path)
    {
        var text = new StringBuilder("$");
        foreach (var segment in path)
        {
            text.Append(segment is string name ? $".{name}" : $"[{segment}]");
        }

        return text.ToString();
    }
}
