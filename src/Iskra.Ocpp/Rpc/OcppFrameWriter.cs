using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Iskra.Ocpp.Rpc;

/// <summary>
/// Writes OCPP-J frames as UTF-8 into a buffer writer: CALL, CALLRESULT and CALLERROR, with the
/// payload given as a value and its source-generated type info, or as a JSON object.
/// </summary>
public static class OcppFrameWriter
{
    /// <summary>The longest CALLERROR description 2.0.1 allows (CallErrorType errorDescription, 255).</summary>
    public const int MaxErrorDescriptionLength = 255;

    private static readonly JsonWriterOptions Options = new()
    {
        // Frames go to stations, never into HTML: keep "+", "<" and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}");

    public static void WriteCall(IBufferWriter<byte> output, string messageId, string action, object payload, JsonTypeInfo typeInfo)
    {
        using var writer = Start(output, OcppMessageType.Call, messageId);
        writer.WriteStringValue(action);
        JsonSerializer.Serialize(writer, payload, typeInfo);
        writer.WriteEndArray();
    }

    public static void WriteCall(IBufferWriter<byte> output, string messageId, string action, JsonElement payload)
    {
        RequireObject(payload);
        using var writer = Start(output, OcppMessageType.Call, messageId);
        writer.WriteStringValue(action);
        payload.WriteTo(writer);
        writer.WriteEndArray();
    }

    public static void WriteCallResult(IBufferWriter<byte> output, string messageId, object payload, JsonTypeInfo typeInfo)
    {
        using var writer = Start(output, OcppMessageType.CallResult, messageId);
        JsonSerializer.Serialize(writer, payload, typeInfo);
        writer.WriteEndArray();
    }

    public static void WriteCallResult(IBufferWriter<byte> output, string messageId, JsonElement payload)
    {
        RequireObject(payload);
        using var writer = Start(output, OcppMessageType.CallResult, messageId);
        payload.WriteTo(writer);
        writer.WriteEndArray();
    }

    /// <summary>Writes a CALLERROR with the code spelled for <paramref name="version"/>; details default to <c>{}</c>.</summary>
    public static void WriteCallError(IBufferWriter<byte> output, string messageId, OcppErrorCode code, OcppVersion version, string description, JsonElement? details = null) =>
        WriteCallError(output, messageId, code.ToWire(version), description, details);

    /// <summary>Writes a CALLERROR with a wire error code as given; details default to <c>{}</c>.</summary>
    public static void WriteCallError(IBufferWriter<byte> output, string messageId, string errorCode, string description, JsonElement? details = null)
    {
        var detailsObject = details is { ValueKind: JsonValueKind.Object } d ? d : EmptyObject;
        if (description.Length > MaxErrorDescriptionLength)
        {
            description = description[..MaxErrorDescriptionLength];
        }

        using var writer = Start(output, OcppMessageType.CallError, messageId);
        writer.WriteStringValue(errorCode);
        writer.WriteStringValue(description);
        detailsObject.WriteTo(writer);
        writer.WriteEndArray();
    }

    private static Utf8JsonWriter Start(IBufferWriter<byte> output, OcppMessageType type, string messageId)
    {
        var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartArray();
        writer.WriteNumberValue((int)type);
        writer.WriteStringValue(messageId);
        return writer;
    }

    private static void RequireObject(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("An OCPP payload is a JSON object.", nameof(payload));
        }
    }
}
