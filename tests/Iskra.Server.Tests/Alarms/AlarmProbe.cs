using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;

namespace Iskra.Server.Tests.Alarms;

/// <summary>Reads alarms through the API (<c>GET /api/alarms?stationId=&amp;kind=&amp;open=</c>) and waits for them.</summary>
public static class AlarmProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The alarms of <paramref name="kind"/> on <paramref name="stationId"/>, open ones only when <paramref name="open"/>.</summary>
    public static async Task<JsonElement[]> AlarmsAsync(this IskraServer server, string stationId, string kind, bool? open = true)
    {
        using var api = server.Api();
        var query = $"/api/alarms?stationId={Uri.EscapeDataString(stationId)}&kind={kind}" + (open is { } o ? $"&open={(o ? "true" : "false")}" : "");
        return await api.ItemsAsync(query);
    }

    /// <summary>Waits until exactly one alarm of <paramref name="kind"/> is open on the station, and returns it.</summary>
    public static async Task<JsonElement> OpenedAsync(this IskraServer server, string stationId, string kind) =>
        (await UntilAsync(server, stationId, kind, open => open.Length == 1, "one open alarm"))[0];

    /// <summary>Waits until the open alarm of <paramref name="kind"/> has counted <paramref name="count"/>; returns it.</summary>
    public static async Task<JsonElement> CountedAsync(this IskraServer server, string stationId, string kind, int count) =>
        (await UntilAsync(server, stationId, kind, open => open.Length == 1 && open[0].GetProperty("count").GetInt32() >= count, $"one open alarm counted {count} times"))[0];

    /// <summary>Waits until no alarm of <paramref name="kind"/> is open on the station; returns alarm <paramref name="id"/> as it was cleared.</summary>
    public static async Task<JsonElement> ClearedAsync(this IskraServer server, string stationId, string kind, long id)
    {
        await UntilAsync(server, stationId, kind, open => open.Length == 0, "no open alarm");
        var all = await server.AlarmsAsync(stationId, kind, open: null);
        var alarm = Assert.Single(all, a => a.GetProperty("id").GetInt64() == id);
        Assert.Equal(JsonValueKind.String, alarm.GetProperty("clearedAt").ValueKind);
        return alarm;
    }

    /// <summary>Shows for a moment that the one open alarm stays one, with its count unchanged (no repeat per check).</summary>
    public static async Task AssertStaysOneAsync(this IskraServer server, string stationId, string kind, long id, int count)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var open = Assert.Single(await server.AlarmsAsync(stationId, kind));
        Assert.Equal(id, open.GetProperty("id").GetInt64());
        Assert.Equal(count, open.GetProperty("count").GetInt32());
    }

    private static async Task<JsonElement[]> UntilAsync(IskraServer server, string stationId, string kind, Func<JsonElement[], bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        JsonElement[] open = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            open = await server.AlarmsAsync(stationId, kind);
            if (condition(open))
            {
                return open;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{stationId} {kind}: expected {what}; open now: [{string.Join(", ", open.Select(a => a.GetRawText()))}]");
    }
}
