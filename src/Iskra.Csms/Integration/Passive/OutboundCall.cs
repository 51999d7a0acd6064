using System.Globalization;
using System.Text.Json;

namespace Iskra.Csms.Integration.Passive;

/// <summary>One of Iskra's CALLs to the station, kept until its answer: what the checks need of it.</summary>
internal sealed class OutboundCall
{
    public required string MessageId { get; init; }

    public required string Action { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    public required EvidenceFrame Frame { get; init; }

    /// <summary>RemoteStartTransaction (1.6) or RequestStartTransaction (2.0.1).</summary>
    public bool IsRemoteStart => Action is "RemoteStartTransaction" or "RequestStartTransaction";

    /// <summary>The connector (1.6) or EVSE (2.0.1) of a remote start, when it names one.</summary>
    public int? Connector { get; init; }

    /// <summary>A HeartbeatInterval set by ChangeConfiguration or SetVariables.</summary>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>Reads a CALL frame Iskra sent; null when it is not one.</summary>
    public static OutboundCall? TryRead(ReadOnlySpan<byte> utf8Frame, DateTimeOffset now)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Frame);
            using var document = JsonDocument.ParseValue(ref reader);
            var frame = document.RootElement;
            if (frame.ValueKind != JsonValueKind.Array || frame.GetArrayLength() < 4 || frame[1].GetString() is not { } id || frame[2].GetString() is not { } action)
            {
                return null;
            }

            var payload = frame[3];
            return new OutboundCall
            {
                MessageId = id,
                Action = action,
                SentAt = now,
                Frame = Evidence.Raw(utf8Frame, false, now),
                Connector = PassiveJson.TryInt(payload, "connectorId"u8, out var connector) ? connector
                    : PassiveJson.TryInt(payload, "evseId"u8, out var evse) ? evse : null,
                HeartbeatInterval = Interval(action, payload),
            };
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The message id of a CALLRESULT or CALLERROR, read from the frame's first elements only.</summary>
    public static bool TryReadAnswer(ReadOnlySpan<byte> utf8Frame, out string messageId)
    {
        messageId = string.Empty;
        var reader = new Utf8JsonReader(utf8Frame);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray
                || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var type) || type is not (3 or 4)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            messageId = reader.GetString() ?? string.Empty;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether a CALLRESULT accepts the call (status Accepted; 2.0.1 SetVariables: its first result).</summary>
    public static bool Accepted(ReadOnlySpan<byte> utf8Frame, string action)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Frame);
            using var document = JsonDocument.ParseValue(ref reader);
            var frame = document.RootElement;
            if (frame.ValueKind != JsonValueKind.Array || frame.GetArrayLength() < 3 || frame[0].GetInt32() != 3)
            {
                return false;
            }

            var payload = frame[2];
            if (action == "SetVariables")
            {
                return PassiveJson.TryGet(payload, "setVariableResult"u8, out var results) && results.ValueKind == JsonValueKind.Array
                    && results.GetArrayLength() > 0 && PassiveJson.Is(results[0], "attributeStatus"u8, "Accepted"u8);
            }

            return PassiveJson.Is(payload, "status"u8, "Accepted"u8);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static TimeSpan? Interval(string action, JsonElement payload)
    {
        string? value = null;
        if (action == "ChangeConfiguration" && PassiveJson.Is(payload, "key"u8, "HeartbeatInterval"u8))
        {
            value = PassiveJson.String(payload, "value"u8);
        }
        else if (action == "SetVariables" && PassiveJson.TryGet(payload, "setVariableData"u8, out var data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0)
        {
            var first = data[0];
            if (PassiveJson.TryGet(first, "component"u8, out var component) && PassiveJson.Is(component, "name"u8, "OCPPCommCtrlr"u8)
                && PassiveJson.TryGet(first, "variable"u8, out var variable) && PassiveJson.Is(variable, "name"u8, "HeartbeatInterval"u8))
            {
                value = PassiveJson.String(first, "attributeValue"u8);
            }
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }
}
