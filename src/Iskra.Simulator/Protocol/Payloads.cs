using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Iskra.Ocpp.Rpc;

namespace Iskra.Simulator.Protocol;

/// <summary>Small helpers for building payloads and answering calls.</summary>
internal static class Payloads
{
    /// <summary>An OCPP timestamp: UTC, milliseconds, Z.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A CSMS request, deserialized with its generated type info (the payload was validated before).</summary>
    public static T Read<T>(RpcCall call, JsonTypeInfo<T> typeInfo) =>
        call.Payload.Deserialize(typeInfo) ?? throw new JsonException($"{call.Action} has an empty payload.");

    public static RpcReply Reply<T>(T value, JsonTypeInfo<T> typeInfo)
        where T : notnull => RpcReply.Result(value, typeInfo);

    /// <summary>A payload typed with the generated message types, as a mutable object.</summary>
    public static JsonObject ToObject<T>(T value, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToNode(value, typeInfo)?.AsObject() ?? throw new JsonException("A payload is a JSON object.");

    public static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int? Int(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
