using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Iskra.Ocpp.Rpc;

/// <summary>
/// The answer to one incoming CALL: a CALLRESULT payload (a value with its type info, or a JSON
/// object) or a CALLERROR (code, description, optional details).
/// </summary>
public sealed class RpcReply
{
    private RpcReply(object? value, JsonTypeInfo? typeInfo, JsonElement payload, OcppErrorCode errorCode, string? errorDescription, JsonElement? errorDetails)
    {
        Value = value;
        TypeInfo = typeInfo;
        Payload = payload;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
        ErrorDetails = errorDetails;
    }

    /// <summary>True for a CALLERROR.</summary>
    public bool IsError => ErrorDescription is not null;

    /// <summary>The result value, serialized with <see cref="TypeInfo"/>; null when <see cref="Payload"/> is used.</summary>
    public object? Value { get; }

    public JsonTypeInfo? TypeInfo { get; }

    /// <summary>The result as a JSON object, when no <see cref="Value"/> is given.</summary>
    public JsonElement Payload { get; }

    public OcppErrorCode ErrorCode { get; }

    public string? ErrorDescription { get; }

    public JsonElement? ErrorDetails { get; }

    public static RpcReply Result(object value, JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new RpcReply(value, typeInfo, default, default, null, null);
    }

    public static RpcReply Result(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object
            ? new RpcReply(null, null, payload, default, null, null)
            : throw new ArgumentException("An OCPP payload is a JSON object.", nameof(payload));

    public static RpcReply Error(OcppErrorCode code, string description, JsonElement? details = null) =>
        new(null, null, default, code, description ?? string.Empty, details);
}
