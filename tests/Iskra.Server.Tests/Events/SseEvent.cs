using System.Text.Json;

namespace Iskra.Server.Tests.Events;

/// <summary>One server-sent event: its <c>id:</c>, <c>event:</c> and parsed <c>data:</c>.</summary>
public sealed record SseEvent(long Id, string Type, JsonElement Message)
{
    public string? StationId => Message.GetProperty("stationId").GetString();

    public JsonElement Data => Message.GetProperty("data");
}
