using System.Net.Http.Headers;
using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>Helpers of the maintenance tests: Iskra's firmware repository and its request resources.</summary>
internal static class Maintenance
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Stores <paramref name="image"/> in Iskra's firmware repository (raw bytes with ?name=); returns its id and station URL.</summary>
    public static async Task<(long Id, string Url)> UploadFirmwareAsync(IskraServer server, byte[] image, string name)
    {
        using var api = server.Api();
        using var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var stored = await (await api.PostAsync(new Uri($"/api/firmware?name={Uri.EscapeDataString(name)}", UriKind.Relative), content, Ct)).JsonAsync(201);
        return (stored.GetProperty("id").GetInt64(), stored.GetProperty("url").GetString()!);
    }

    /// <summary>Polls <paramref name="path"/> (a list resource, newest first) until its newest item has <paramref name="status"/>; returns that item.</summary>
    public static async Task<JsonElement> NewestWithStatusAsync(IskraServer server, string path, string status)
    {
        using var api = server.Api();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var items = (await (await api.GetAsync(new Uri(path, UriKind.Relative), Ct)).JsonAsync(200)).GetProperty("items");
            var newest = items.GetArrayLength() > 0 ? items[0] : default;
            if (newest.ValueKind == JsonValueKind.Object && newest.GetProperty("status").GetString() == status)
            {
                return newest.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not reach {status}: {items}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>
    /// The station's statuses in a request's history, after Iskra's own Sent and the station's answer
    /// (Iskra may write the answer after the first notifications of a quick station, so it is checked apart).
    /// </summary>
    public static IReadOnlyList<string?> History(JsonElement request, string answer = "Accepted")
    {
        var statuses = request.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).ToList();
        Assert.Equal("Sent", statuses[0]);
        Assert.True(statuses.Remove(answer), $"no {answer} in {request}");
        return statuses[1..];
    }

    /// <summary>The statuses of <paramref name="action"/> the station sent, in order.</summary>
    public static IReadOnlyList<string?> Statuses(SimStation station, string action) =>
        [.. station.Sent(action).Select(p => p.GetProperty("status").GetString())];

    /// <summary>
    /// A fast station that takes 300 ms before acting on a command, as real ones do. (Iskra writes a command's
    /// answer after sending it; a station that reports within a few milliseconds can be overtaken by that write.)
    /// </summary>
    public static Task<SimStation> StartAsync(IskraServer server, string id, Iskra.Ocpp.OcppVersion version) =>
        SimulatedStations.StartAsync(server, id, version, o => o with { ActionDelay = TimeSpan.FromMilliseconds(300) });

    public static Task WaitAsync(SimStation station, Func<SimStation, bool> condition) =>
        station.WaitUntilAsync(condition, TimeSpan.FromSeconds(20), Ct);
}
