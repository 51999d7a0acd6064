using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// The JSON body of a command, read field by field. A field the command does not take, a missing
/// required field or a value of the wrong type throws <see cref="CommandException"/> naming the field,
/// so the API answers 400 (<see cref="ExpectedFields"/>).
/// </summary>
public sealed class CommandBody
{
    private readonly JsonElement _root;

    /// <summary>Reads <paramref name="root"/>, whose fields must all be among <paramref name="fields"/> (the command's <see cref="StationCommand.Fields"/>).</summary>
    public CommandBody(JsonElement root, IReadOnlyCollection<string> fields)
    {
        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw CommandException.Invalid("$", "the body must be a JSON object");
        }

        if (ExpectedFields.FirstUnknown(root, fields) is { } unknown)
        {
            throw CommandException.Invalid("$." + unknown, ExpectedFields.Describe(unknown, fields));
        }

        _root = root;
    }

    /// <summary>An empty body (a command that takes no fields).</summary>
    public static CommandBody Empty { get; } = new(default, []);

    public bool Has(string name) => TryGet(name, out _);

    public int RequiredInt(string name) => OptionalInt(name) ?? throw Missing(name, "an integer");

    public int? OptionalInt(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw CommandException.Invalid("$." + name, "must be an integer");
    }

    public string RequiredString(string name) => OptionalString(name) ?? throw Missing(name, "a string");

    public string? OptionalString(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw CommandException.Invalid("$." + name, "must be a string");
    }

    /// <summary>A string that must be one of <paramref name="allowed"/> (compared exactly, as OCPP enums are).</summary>
    public string? OptionalEnum(string name, params string[] allowed)
    {
        var value = OptionalString(name);
        return value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw CommandException.Invalid("$." + name, "must be one of " + string.Join(", ", allowed));
    }

    public string RequiredEnum(string name, params string[] allowed) => OptionalEnum(name, allowed) ?? throw Missing(name, "one of " + string.Join(", ", allowed));

    public DateTimeOffset? OptionalDateTime(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : throw CommandException.Invalid("$." + name, "must be an RFC 3339 date-time");
    }

    public DateTimeOffset RequiredDateTime(string name) => OptionalDateTime(name) ?? throw Missing(name, "an RFC 3339 date-time");

    /// <summary>Any JSON value of the field, copied as a node for a payload; null when absent.</summary>
    public JsonNode? OptionalNode(string name) => TryGet(name, out var value) ? JsonNode.Parse(value.GetRawText()) : null;

    /// <summary>Any JSON value of the field, as it was given; null when absent.</summary>
    public JsonElement? OptionalElement(string name) => TryGet(name, out var value) ? value.Clone() : null;

    public JsonNode RequiredNode(string name) => OptionalNode(name) ?? throw Missing(name, "a value");

    /// <summary>An array of strings; null when absent.</summary>
    public IReadOnlyList<string>? OptionalStrings(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw CommandException.Invalid("$." + name, "must be an array of strings");
        }

        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw CommandException.Invalid($"$.{name}[{items.Count}]", "must be a string"));
        }

        return items;
    }

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private static CommandException Missing(string name, string what) => CommandException.Invalid("$." + name, $"is required ({what})");
}
