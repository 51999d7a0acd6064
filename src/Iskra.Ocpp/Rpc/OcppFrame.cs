using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Iskra.Ocpp.Rpc;

/// <summary>
/// One parsed OCPP-J frame: CALL <c>[2,"id","Action",{}]</c>, CALLRESULT <c>[3,"id",{}]</c> or
/// CALLERROR <c>[4,"id","code","description",{}]</c>. Writing frames is <see cref="OcppFrameWriter"/>.
/// </summary>
public sealed class OcppFrame
{
    /// <summary>The longest message id the specifications allow (OCPP-J 1.6 §4.1.4, 2.0.1 §4.1.2).</summary>
    public const int MaxMessageIdLength = 36;

    /// <summary>The message id used in a CALLERROR when the offending frame's id cannot be read.</summary>
    public const string UnreadableMessageId = "-1";

    private OcppFrame(OcppMessageType messageType, string messageId, string? action, JsonElement payload, string? errorCode, string? errorDescription)
    {
        MessageType = messageType;
        MessageId = messageId;
        Action = action;
        Payload = payload;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
    }

    public OcppMessageType MessageType { get; }

    public string MessageId { get; }

    /// <summary>The action of a CALL; null otherwise.</summary>
    public string? Action { get; }

    /// <summary>The payload of a CALL or CALLRESULT, the details of a CALLERROR; always an object, owned by the frame.</summary>
    public JsonElement Payload { get; }

    /// <summary>The error code of a CALLERROR as it was on the wire; null otherwise.</summary>
    public string? ErrorCode { get; }

    /// <summary>The error description of a CALLERROR; null otherwise.</summary>
    public string? ErrorDescription { get; }

    /// <summary>The CALL this frame carries; only for <see cref="OcppMessageType.Call"/>.</summary>
    public RpcCall ToCall() => MessageType == OcppMessageType.Call
        ? new RpcCall(MessageId, Action!, Payload)
        : throw new InvalidOperationException("Only a CALL frame carries a call.");

    /// <summary>
    /// Parses a UTF-8 text frame. Never throws on bad input: a frame that is not JSON, not an array,
    /// has an unknown message type id or the wrong elements yields the error to answer with
    /// (OCPP-J 1.6 §4.2.3 ProtocolError; 2.0.1 §4.3 RpcFrameworkError / MessageTypeNotSupported).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Frame, OcppVersion version, [NotNullWhen(true)] out OcppFrame? frame, out OcppFrameError error)
    {
        frame = null;
        var framing = version == OcppVersion.V16 ? OcppErrorCode.ProtocolError : OcppErrorCode.RpcFrameworkError;
        var messageId = UnreadableMessageId;
        OcppMessageType? type = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return Fail(framing, "The frame is not a JSON array.", out error);
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var typeId))
            {
                return Fail(framing, "The first element of the frame is not a message type id.", out error);
            }

            string? id = null;
            if (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                id = reader.GetString()!;
                if (id.Length <= MaxMessageIdLength)
                {
                    messageId = id;
                }
            }

            if (typeId is < (int)OcppMessageType.Call or > (int)OcppMessageType.CallError)
            {
                var code = version == OcppVersion.V16 ? OcppErrorCode.ProtocolError : OcppErrorCode.MessageTypeNotSupported;
                return Fail(code, $"Message type id {typeId} is not supported.", out error);
            }

            type = (OcppMessageType)typeId;
            if (id is null)
            {
                return Fail(framing, "The message id is not a string.", out error);
            }

            if (id.Length > MaxMessageIdLength)
            {
                return Fail(framing, $"The message id is longer than {MaxMessageIdLength} characters.", out error);
            }

            string? action = null, errorCode = null, errorDescription = null;
            if (type == OcppMessageType.Call && !TryReadString(ref reader, out action))
            {
                return Fail(framing, "The action of a CALL is not a string.", out error);
            }

            if (type == OcppMessageType.CallError
                && (!TryReadString(ref reader, out errorCode) || !TryReadString(ref reader, out errorDescription)))
            {
                return Fail(framing, "The error code and description of a CALLERROR are not strings.", out error);
            }

            // A CALL's payload that is JSON but not an object is a payload that does not conform to the
            // action's PDU (FormationViolation, OCPP-J 1.6 §4.2.3): the action's validator reports it.
            var payloadStarts = reader.Read() && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.Comment);
            if (!payloadStarts || (type != OcppMessageType.Call && reader.TokenType != JsonTokenType.StartObject))
            {
                return Fail(framing, "The payload of the frame is not a JSON object.", out error);
            }

            // ParseValue copies the payload into its own (unpooled) document: the caller may keep it.
            var payload = JsonElement.ParseValue(ref reader);
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                return Fail(framing, "The frame has more elements than its message type allows.", out error);
            }

            // Anything after the array other than whitespace makes Read throw.
            reader.Read();
            frame = new OcppFrame(type.Value, id, action, payload, errorCode, errorDescription);
            error = default;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Fail(framing, "The frame is not valid JSON.", out error);
        }

        bool Fail(OcppErrorCode code, string description, out OcppFrameError result)
        {
            result = new OcppFrameError(code, messageId, description, type);
            return false;
        }
    }

    private static bool TryReadString(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? value)
    {
        value = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }
}
