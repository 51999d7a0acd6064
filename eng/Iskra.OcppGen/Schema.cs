using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Iskra.OcppGen;

/// <summary>The part of a JSON schema node the generator understands, with <c>$ref</c> kept by name.</summary>
public sealed class Schema
{
    public string? Ref { get; private init; }
    public string? Type { get; private init; }
    public string? Format { get; private init; }
    public IReadOnlyList<string>? Enum { get; private init; }
    public int? MaxLength { get; private init; }
    public decimal? Minimum { get; private init; }
    public decimal? Maximum { get; private init; }
    public decimal? MultipleOf { get; private init; }
    public int? MinItems { get; private init; }
    public int? MaxItems { get; private init; }
    public Schema? Items { get; private init; }
    public IReadOnlyList<KeyValuePair<string, Schema>> Properties { get; private init; } = [];
    public IReadOnlySet<string> Required { get; private init; } = new HashSet<string>();

    /// <summary>False only when the schema says <c>"additionalProperties": false</c>.</summary>
    public bool AdditionalProperties { get; private init; } = true;

    public static Schema Parse(JsonElement node)
    {
        string? String(string name) => node.TryGetProperty(name, out var v) ? v.GetString() : null;
        decimal? Decimal(string name) => node.TryGetProperty(name, out var v) ? v.GetDecimal() : null;
        int? Int(string name) => node.TryGetProperty(name, out var v) ? (int)v.GetDecimal() : null;

        return new Schema
        {
            Ref = String("$ref"),
            Type = String("type"),
            Format = String("format"),
            Enum = node.TryGetProperty("enum", out var e) ? [.. e.EnumerateArray().Select(x => x.GetString()!)] : null,
            MaxLength = Int("maxLength"),
            Minimum = Decimal("minimum"),
            Maximum = Decimal("maximum"),
            MultipleOf = Decimal("multipleOf"),
            MinItems = Int("minItems"),
            MaxItems = Int("maxItems"),
            Items = node.TryGetProperty("items", out var items) ? Parse(items) : null,
            Properties = node.TryGetProperty("properties", out var p)
                ? [.. p.EnumerateObject().Select(x => KeyValuePair.Create(x.Name, Parse(x.Value)))]
                : [],
            Required = node.TryGetProperty("required", out var r)
                ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal),
            AdditionalProperties = !(node.TryGetProperty("additionalProperties", out var ap) && ap.ValueKind == JsonValueKind.False),
        };
    }

    /// <summary>
    /// A canonical text of everything that matters for validation, with references resolved, so
    /// structurally identical nodes share one validator.
    /// </summary>
    public string Fingerprint(Func<string, Schema> resolve)
    {
        var text = new StringBuilder();
        Append(this, resolve, text);
        return text.ToString();
    }

    private static void Append(Schema node, Func<string, Schema> resolve, StringBuilder text)
    {
        if (node.Ref is not null)
        {
            Append(resolve(node.Ref), resolve, text);
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        text.Append('{').Append(node.Type).Append('|').Append(node.Format);
        if (node.Enum is not null)
        {
            text.Append("|enum:").AppendJoin(',', node.Enum);
        }

        text.Append(inv, $"|{node.MaxLength}|{node.Minimum}|{node.Maximum}|{node.MultipleOf}|{node.MinItems}|{node.MaxItems}");
        if (node.Type == "object")
        {
            text.Append(node.AdditionalProperties ? "|open" : "|closed");
            foreach (var (name, property) in node.Properties)
            {
                text.Append('|').Append(name).Append(node.Required.Contains(name) ? "!" : "?").Append(':');
                Append(property, resolve, text);
            }
        }

        if (node.Items is not null)
        {
            text.Append("|items:");
            Append(node.Items, resolve, text);
        }

        text.Append('}');
    }
}
