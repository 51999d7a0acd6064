using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Iskra.Ocpp;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// Reads what a command body gives as JSON (a charging profile, an enum value) into the generated
/// message types. The typed request is checked against its schema once, when it is sent; a part that
/// cannot even be read is refused here, with the path the official schema gives.
/// </summary>
public static class CommandJson
{
    private static readonly ConcurrentDictionary<JsonSerializerOptions, JsonSerializerOptions> Strict = new();

    /// <summary>
    /// Reads <paramref name="node"/>, the value of the request property <paramref name="property"/> of
    /// <paramref name="action"/>, as <typeparamref name="T"/>. A property the type does not have is refused
    /// rather than dropped, so what is sent is what was given.
    /// </summary>
    public static T Read<T>(JsonNode node, JsonTypeInfo<T> type, OcppAction action, string property)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(action);
        var options = Strict.GetOrAdd(type.Options, static o => new JsonSerializerOptions(o) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });
        try
        {
            return node.Deserialize((JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)))
                ?? throw CommandException.Invalid("$." + property, "must not be null");
        }
        catch (JsonException e)
        {
            // Only a part that cannot be read is explained by the validator, so that the violation names the field as a station would.
            var probe = JsonSerializer.SerializeToElement(new JsonObject { [property] = node.DeepClone() }, CsmsJsonContext.Default.JsonObject);
            if (action.ValidateRequest(probe) is { } error && error.Path.StartsWith("$." + property, StringComparison.Ordinal))
            {
                throw CommandException.SchemaViolation(action.Name, action.Version, error);
            }

            throw CommandException.Invalid("$." + property + (e.Path is { Length: > 1 } path ? path[1..] : ""), e.Message);
        }
    }

    /// <summary>The generated enum value of the wire string <paramref name="wire"/>; one the schema does not know is refused at <paramref name="path"/>.</summary>
    public static T Enum<T>(string wire, JsonTypeInfo<T> type, string path)
        where T : struct, System.Enum
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            return JsonValue.Create(wire).Deserialize(type);
        }
        catch (JsonException)
        {
            throw CommandException.Invalid(path, $"'{wire}' is not a value of {typeof(T).Name}");
        }
    }
}
