using System.Text.Json;
using Iskra.Csms.Traffic;

namespace Iskra.Server.Api;

/// <summary>
/// One OCPP-J frame of a station's traffic: <see cref="Frame"/> is the text verbatim (even when it is not
/// valid JSON); <see cref="MessageType"/>, <see cref="MessageId"/> and <see cref="Action"/> are read from it when it parses.
/// </summary>
public sealed record MessageView(long Id, DateTimeOffset Timestamp, string Direction, string Frame, int? MessageType, string? MessageId, string? Action)
{
    public static MessageView From(TrafficEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        int? type = null;
        string? messageId = null;
        string? action = null;
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(entry.Frame));
            if (reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var t))
            {
                type = t;
                if (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    messageId = reader.GetString();
                    if (t == 2 && reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        action = reader.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // not OCPP-J: the frame text says it all
        }

        return new(entry.Id, entry.Timestamp, entry.Incoming ? "in" : "out", entry.Frame, type, messageId, action);
    }
}
