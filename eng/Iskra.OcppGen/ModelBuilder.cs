using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Iskra.OcppGen;

/// <summary>
/// Reads one version's schema folder and builds its C# types (deduplicated by name, 1.6 inline types
/// named by <see cref="VersionSpec.InlineTypeNames"/>) and its validator methods (deduplicated by
/// schema fingerprint). Files are read in ordinal order so the output is deterministic.
/// </summary>
public sealed class ModelBuilder(VersionSpec spec)
{
    private readonly Dictionary<string, RecordModel> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methodByFingerprint = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValidatorMethod> _methods = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _warnings = new(StringComparer.Ordinal);
    private Dictionary<string, Schema> _definitions = new(StringComparer.Ordinal);

    public static VersionModel Build(string schemasRoot, VersionSpec spec) => new ModelBuilder(spec).Run(schemasRoot);

    private VersionModel Run(string schemasRoot)
    {
        var folder = Path.Combine(schemasRoot, spec.SchemaFolder);
        var files = Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var messages = new Dictionary<string, RecordModel>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var baseName = Path.GetFileNameWithoutExtension(file!);
            var typeName = spec.RequestFilesHaveSuffix || baseName.EndsWith("Response", StringComparison.Ordinal)
                ? baseName
                : baseName + "Request";
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, file!)));
            var root = Schema.Parse(document.RootElement);
            _definitions = document.RootElement.TryGetProperty("definitions", out var defs)
                ? defs.EnumerateObject().ToDictionary(d => d.Name, d => Schema.Parse(d.Value), StringComparer.Ordinal)
                : new Dictionary<string, Schema>(StringComparer.Ordinal);
            messages.Add(typeName, BuildRecord(root, typeName, isMessage: true));
            AddRootValidator(root, typeName);
        }

        var actions = new List<ActionModel>();
        foreach (var (name, request) in messages.Where(m => m.Key.EndsWith("Request", StringComparison.Ordinal)))
        {
            var action = name[..^"Request".Length];
            var response = messages.GetValueOrDefault(action + "Response")
                ?? throw new InvalidOperationException($"{spec.Display}: no response schema for {action}.");
            actions.Add(new ActionModel(action, spec.Direction(action), request, response));
        }

        if (actions.Count * 2 != messages.Count)
        {
            throw new InvalidOperationException($"{spec.Display}: a response schema has no request.");
        }

        return new VersionModel(
            spec,
            [.. actions.OrderBy(a => a.Name, StringComparer.Ordinal)],
            [.. _records.Values.OrderBy(r => r.Name, StringComparer.Ordinal)],
            [.. _enums.Values.OrderBy(e => e.Name, StringComparer.Ordinal)],
            [.. _methods.Values],
            [.. _warnings]);
    }

    private Schema Resolve(string reference)
    {
        const string Prefix = "#/definitions/";
        return reference.StartsWith(Prefix, StringComparison.Ordinal) && _definitions.TryGetValue(reference[Prefix.Length..], out var schema)
            ? schema
            : throw new InvalidOperationException($"{spec.Display}: cannot resolve {reference}.");
    }

    private string InlineName(string owner, string wire)
    {
        if (spec.InlineTypeNames.TryGetValue($"{owner}.{wire}", out var name))
        {
            return name;
        }

        name = owner + Naming.Pascal(wire);
        _warnings.Add($"{spec.Display}: no spec name for {owner}.{wire}; named {name}.");
        return name;
    }

    /// <summary>The C# type of a property's schema, and the validator expression for a value of it.</summary>
    private (string Type, Func<string, string> Check) Walk(Schema node, string owner, string wire)
    {
        if (node.Ref is not null)
        {
            return WalkNamed(Resolve(node.Ref), node.Ref[(node.Ref.LastIndexOf('/') + 1)..], owner, wire);
        }

        return node.Enum is not null || node.Type == "object"
            ? WalkNamed(node, InlineName(owner, wire), owner, wire)
            : WalkPrimitive(node, owner, wire);
    }

    private (string Type, Func<string, string> Check) WalkNamed(Schema node, string name, string owner, string wire)
    {
        if (node.Enum is not null)
        {
            AddEnum(new EnumModel(name, node.Enum));
            var method = Method(node, name, () => EnumValidator(node));
            return (name, v => $"{method}({v})");
        }

        if (node.Type == "object")
        {
            var record = BuildRecord(node, name, isMessage: false);
            var method = Method(node, name, () => ObjectValidator(node, record.Name, root: false));
            return (name, v => $"{method}({v})");
        }

        return WalkPrimitive(node, owner, wire);
    }

    private (string Type, Func<string, string> Check) WalkPrimitive(Schema node, string owner, string wire)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (node.Type)
        {
            case "string" when node.Format == "date-time":
                return ("DateTimeOffset", v => $"SchemaChecks.DateTime({v}, zoneOptional: {(spec.DateTimeZoneOptional ? "true" : "false")})");
            case "string" when node.Format == "uri":
                return ("string", v => $"SchemaChecks.Uri({v}, {node.MaxLength ?? -1})");
            case "string":
                return ("string", v => $"SchemaChecks.String({v}, {node.MaxLength ?? -1})");
            case "integer":
                var min = node.Minimum is { } lo ? ((long)lo).ToString(inv) : "long.MinValue";
                var max = node.Maximum is { } hi ? ((long)hi).ToString(inv) : "long.MaxValue";
                return ("int", v => $"SchemaChecks.Integer({v}, {min}, {max})");
            case "number":
                var nmin = node.Minimum is { } nlo ? Decimal(nlo) : "decimal.MinValue";
                var nmax = node.Maximum is { } nhi ? Decimal(nhi) : "decimal.MaxValue";
                var multiple = node.MultipleOf is { } m ? Decimal(m) : "0m";
                return ("decimal", v => $"SchemaChecks.Number({v}, {nmin}, {nmax}, {multiple})");
            case "boolean":
                return ("bool", v => $"SchemaChecks.Boolean({v})");
            case null when node.Enum is null:
                // Any JSON value (2.0.1 DataTransfer "data").
                return ("JsonElement", _ => "(OcppValidationError?)null");
            case "array":
                var (itemType, itemCheck) = Walk(node.Items ?? throw new InvalidOperationException($"{owner}.{wire}: array without items."), owner, wire);
                var minItems = (node.MinItems ?? 0).ToString(inv);
                var maxItems = node.MaxItems is { } mi ? mi.ToString(inv) : "int.MaxValue";
                return ($"IReadOnlyList<{itemType}>", v => $"SchemaChecks.Array({v}, {minItems}, {maxItems}, static item => {itemCheck("item")})");
            default:
                throw new InvalidOperationException($"{spec.Display}: {owner}.{wire} has unsupported type '{node.Type}'.");
        }
    }

    private static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    private RecordModel BuildRecord(Schema node, string name, bool isMessage)
    {
        var properties = new List<PropertyModel>();
        foreach (var (wire, property) in node.Properties)
        {
            var (type, _) = Walk(property, name, wire);
            var csName = Naming.Pascal(wire);
            properties.Add(new PropertyModel(wire, csName == name ? csName + "Value" : csName, type, node.Required.Contains(wire)));
        }

        var record = new RecordModel(name, properties, node.AdditionalProperties);
        if (isMessage)
        {
            return record;
        }

        if (_records.TryGetValue(name, out var existing))
        {
            return existing.Shape == record.Shape
                ? existing
                : throw new InvalidOperationException($"{spec.Display}: two different types named {name}.");
        }

        _records.Add(name, record);
        return record;
    }

    private void AddEnum(EnumModel model)
    {
        if (!_enums.TryGetValue(model.Name, out var existing))
        {
            _enums.Add(model.Name, model);
        }
        else if (model.Values.Except(existing.Values).Any())
        {
            // One spec type, one schema listing fewer values (1.6 StopTransaction omits UnitOfMeasure "Hertz"):
            // the C# enum takes them all; each message's validator still checks its own list.
            if (existing.Values.Except(model.Values).Any())
            {
                throw new InvalidOperationException($"{spec.Display}: two different enums named {model.Name}.");
            }

            _enums[model.Name] = model;
        }
    }

    private string Method(Schema node, string typeName, Func<string> body)
    {
        var fingerprint = node.Fingerprint(Resolve);
        if (_methodByFingerprint.TryGetValue(fingerprint, out var existing))
        {
            return existing;
        }

        var name = "Check" + typeName;
        for (var i = 2; _methods.ContainsKey(name); i++)
        {
            name = $"Check{typeName}{i}";
        }

        _methodByFingerprint.Add(fingerprint, name);
        _methods.Add(name, null!); // reserve the name while the body (and nested methods) are built
        _methods[name] = new ValidatorMethod(name, body().Replace("$NAME$", name, StringComparison.Ordinal));
        return name;
    }

    private void AddRootValidator(Schema root, string typeName)
    {
        var name = "Validate" + typeName;
        var body = ObjectValidator(root, typeName, root: true).Replace("$NAME$", name, StringComparison.Ordinal);
        _methods.Add(name, new ValidatorMethod(name, body));
    }

    private static string EnumValidator(Schema node)
    {
        var values = string.Join(" or ", node.Enum!.Select(Naming.Literal));
        return $$"""
            private static OcppValidationError? $NAME$(JsonElement value) =>
                value.ValueKind != JsonValueKind.String
                    ? SchemaChecks.WrongType(value, "a string")
                    : SchemaChecks.Enum(value, value.GetString() is {{values}});
            """;
    }

    private string ObjectValidator(Schema node, string typeName, bool root)
    {
        var code = new StringBuilder();
        var visibility = root ? "public" : "private";
        var v = root ? "payload" : "value";
        var notAnObject = root ? "SchemaChecks.PayloadNotAnObject(payload)" : "SchemaChecks.WrongType(value, \"an object\")";
        code.Append(CultureInfo.InvariantCulture, $"{visibility} static OcppValidationError? $NAME$(JsonElement {v})\n{{\n");
        code.Append(CultureInfo.InvariantCulture, $"    if ({v}.ValueKind != JsonValueKind.Object)\n    {{\n        return {notAnObject};\n    }}\n\n");
        var required = node.Properties.Where(p => node.Required.Contains(p.Key)).Select(p => p.Key).ToList();
        if (required.Count > 64)
        {
            throw new InvalidOperationException($"{typeName}: more than 64 required properties.");
        }

        if (required.Count > 0)
        {
            code.Append("    var seen = 0UL;\n");
        }

        code.Append(CultureInfo.InvariantCulture, $"    foreach (var property in {v}.EnumerateObject())\n    {{\n");
        code.Append("        OcppValidationError? error;\n        switch (property.Name)\n        {\n");
        foreach (var (wire, property) in node.Properties)
        {
            var name = Naming.Literal(wire);
            var check = Walk(property, typeName, wire).Check("property.Value");
            code.Append(CultureInfo.InvariantCulture, $"            case {name}:\n");
            var bit = required.IndexOf(wire);
            if (bit >= 0)
            {
                code.Append(CultureInfo.InvariantCulture, $"                seen |= 1UL << {bit};\n");
            }

            code.Append(CultureInfo.InvariantCulture, $"                error = SchemaChecks.At({check}, {name});\n                break;\n");
        }

        code.Append("            default:\n");
        code.Append(node.AdditionalProperties
            ? "                error = null;\n"
            : "                error = SchemaChecks.NotAllowed(property.Name);\n");
        code.Append("                break;\n        }\n\n        if (error is not null)\n        {\n            return error;\n        }\n    }\n\n");
        for (var i = 0; i < required.Count; i++)
        {
            code.Append(CultureInfo.InvariantCulture, $"    if ((seen & (1UL << {i})) == 0)\n    {{\n        return SchemaChecks.Missing({Naming.Literal(required[i])});\n    }}\n\n");
        }

        code.Append("    return null;\n}");
        return code.ToString();
    }
}
