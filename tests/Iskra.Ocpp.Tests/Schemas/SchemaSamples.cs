using System.Globalization;
using System.Text.Json.Nodes;

namespace Iskra.Ocpp.Tests.Schemas;

/// <summary>
/// Builds a valid instance of a schema with every property filled: arrays hold their minimum number
/// of items (at least one), strings respect maxLength, numbers their bounds, and enum values rotate
/// with <c>variant</c> so that looping over variants covers every value of every enum.
/// </summary>
public static class SchemaSamples
{
    public const string SampleDateTime = "2024-05-06T07:08:09Z";

    public static JsonObject Build(JsonObject root, int variant = 0) => (JsonObject)Value(root, root, variant)!;

    /// <summary>The longest enum of the schema: variants 0..n-1 cover every enum value.</summary>
    public static int VariantCount(JsonObject root) =>
        Math.Max(1, root.DescendantsAndSelf().Select(n => n is JsonObject o && o["enum"] is JsonArray a ? a.Count : 0).DefaultIfEmpty(0).Max());

    public static JsonObject Resolve(JsonObject root, JsonObject schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference["#/definitions/".Length..];
            schema = (JsonObject)root["definitions"]![name]!;
        }

        return schema;
    }

    public static bool Closed(JsonObject schema) => schema["additionalProperties"]?.GetValue<bool>() == false;

    public static IEnumerable<string> Required(JsonObject schema) =>
        schema["required"] is JsonArray required ? required.Select(r => r!.GetValue<string>()) : [];

    private static JsonNode? Value(JsonObject root, JsonObject schema, int variant)
    {
        schema = Resolve(root, schema);
        if (schema["enum"] is JsonArray values)
        {
            return JsonValue.Create(values[variant % values.Count]!.GetValue<string>());
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                var result = new JsonObject();
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        result[name] = Value(root, (JsonObject)property!, variant);
                    }
                }

                if (!Closed(schema))
                {
                    result["vendorExtension"] = new JsonObject { ["note"] = "kept as extension data" };
                }

                return result;
            case "array":
                var array = new JsonArray();
                var count = Math.Max(1, schema["minItems"]?.GetValue<int>() ?? 1);
                for (var i = 0; i < count; i++)
                {
                    array.Add(Value(root, (JsonObject)schema["items"]!, variant));
                }

                return array;
            case "string":
                return (schema["format"]?.GetValue<string>()) switch
                {
                    "date-time" => JsonValue.Create(SampleDateTime),
                    "uri" => JsonValue.Create("https://example.com/files/a"),
                    _ => JsonValue.Create(Text(schema["maxLength"]?.GetValue<int>())),
                };
            case "integer":
                var minimum = schema["minimum"]?.GetValue<decimal>();
                var maximum = schema["maximum"]?.GetValue<decimal>();
                return JsonValue.Create((int)Math.Min(maximum ?? 3, Math.Max(minimum ?? 3, 3)));
            case "number":
                var step = schema["multipleOf"]?.GetValue<decimal>() ?? 0.25m;
                return JsonNode.Parse((step * 10).ToString(CultureInfo.InvariantCulture));
            case "boolean":
                return JsonValue.Create(variant % 2 == 0);
            case null:
                return new JsonObject { ["anything"] = new JsonArray(1, "two") };
            default:
                throw new InvalidOperationException($"Unsupported schema type {schema["type"]}.");
        }
    }

    private static string Text(int? maxLength)
    {
        const string Sample = "Iskra sample text";
        return maxLength is { } max && max < Sample.Length ? Sample[..max] : Sample;
    }

    private static IEnumerable<JsonNode> DescendantsAndSelf(this JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is not null)
            {
                foreach (var d in child.DescendantsAndSelf())
                {
                    yield return d;
                }
            }
        }
    }
}
