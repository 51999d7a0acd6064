using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>
/// Iskra on SQLite with the passive checks' thresholds made short enough for a test: a 2-second call
/// timeout and status and remote-start deadlines, energy judged after 2 Wh, a 200 ms sweep.
/// </summary>
public sealed class PassiveServer : IAsyncLifetime
{
    public IskraServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Ocpp:CallTimeout"] = "00:00:02",
            ["Ocpp:MaxMessagesPerSecond"] = "100000",
            ["Ocpp:MessageBurst"] = "100000",
            ["Passive:AnswerTimeout"] = "00:00:02",
            ["Passive:StatusAfterBootTimeout"] = "00:00:02",
            ["Passive:RemoteStartTimeout"] = "00:00:02",
            ["Passive:MinExpectedEnergyWh"] = "2",
            ["Passive:SweepInterval"] = "00:00:00.200",
        });
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Reads the passive findings through the operator API.</summary>
public static class Findings
{
    /// <summary>The station's findings now.</summary>
    public static async Task<IReadOnlyList<JsonElement>> OfAsync(IskraServer server, string stationId)
    {
        using var api = server.Api();
        var page = await (await api.GetAsync($"/api/stations/{stationId}/findings", TestContext.Current.CancellationToken)).JsonAsync(200);
        return [.. page.GetProperty("items").EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Waits until the station has a finding of <paramref name="check"/> and returns it.</summary>
    public static async Task<JsonElement> WaitForAsync(IskraServer server, string stationId, string check, double seconds = 15)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = (await OfAsync(server, stationId)).FirstOrDefault(f => f.GetProperty("check").GetString() == check);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                var seen = string.Join(", ", (await OfAsync(server, stationId)).Select(f => f.GetProperty("check").GetString()));
                Assert.Fail($"no finding {check} on {stationId} within {seconds} s; found: [{seen}]");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public static string Text(this JsonElement finding, string property) => finding.GetProperty(property).GetString()!;
}
