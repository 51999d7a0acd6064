using System.Text.Json;
using Iskra.Csms.Events;

namespace Iskra.Server.Api;

/// <summary>An event as SSE clients (the <c>data:</c> line) and webhooks (the body) receive it.</summary>
public sealed record EventMessage(string Type, string? StationId, DateTimeOffset Timestamp, JsonElement Data)
{
    public static EventMessage From(CsmsEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Type, e.StationId, e.Timestamp, e.Data);
    }

    /// <summary>The message as compact UTF-8 JSON.</summary>
    public static byte[] Utf8(CsmsEvent e) => JsonSerializer.SerializeToUtf8Bytes(From(e), ApiJsonContext.Default.EventMessage);
}
