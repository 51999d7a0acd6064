using System.Net.WebSockets;
using Iskra.Csms.Access;
using Iskra.Csms.Alarms;
using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Iskra.Server.Tests.Events;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Transport;

/// <summary>
/// What a station or a client costs beyond its own session is bounded: the flood budget outlives a
/// connection, replacements are throttled with an alarm, handshakes in progress and event streams are capped.
/// </summary>
public sealed class ConnectionGuardsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_station_closed_for_flooding_reconnects_with_the_budget_it_left_with()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Ocpp:MessageBurst"] = "5",
            ["Ocpp:MaxMessagesPerSecond"] = "0.01",
        });
        await server.StationAsync("FLOOD");
        await using (var first = await TestStation.ConnectAsync(server, "FLOOD", OcppVersion.V16, Seed.Password))
        {
            for (var i = 0; i < 5; i++)
            {
                await first.CallAsync("Heartbeat", "{}");
            }

            await first.Socket.SendTextAsync("""[2,"over","Heartbeat",{}]""");
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, await first.Socket.ReceiveCloseAsync());
        }

        await using var again = await TestStation.ConnectAsync(server, "FLOOD", OcppVersion.V16, Seed.Password);
        await again.Socket.SendTextAsync("""[2,"fresh","Heartbeat",{}]""");

        Assert.Null(await again.Socket.ReceiveTextAsync()); // no fresh burst: closed, not answered
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, again.Socket.CloseStatus);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Back_to_back_replacements_are_refused_past_the_limit_and_raise_one_alarm(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        await server.StationAsync("FLIP");
        var connections = new List<TestStation>();
        try
        {
            for (var i = 0; i < 4; i++) // the first connection and three replacements (Ocpp:MaxReplacementsPerWindow)
            {
                connections.Add(await TestStation.ConnectAsync(server, "FLIP", OcppVersion.V16, Seed.Password));
                await connections[^1].CallAsync("Heartbeat", "{}"); // its session is registered
            }

            for (var i = 0; i < 3; i++)
            {
                var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestStation.ConnectAsync(server, "FLIP", OcppVersion.V16, Seed.Password));
                Assert.Contains("429", refused.Message, StringComparison.Ordinal);
            }

            await connections[^1].CallAsync("Heartbeat", "{}"); // the live connection stays
            await WaitUntilAsync(server, async db => await db.Alarms.AnyAsync(a => a.StationId == "FLIP", Ct));
            await server.FlushRefusalsAsync();
            await using var db = server.CreateDbContext();
            var alarm = await db.Alarms.SingleAsync(a => a.StationId == "FLIP", Ct);
            Assert.Equal((AlarmSignal.IskraSource, AlarmKinds.ConnectionFlipFlop), (alarm.Source, alarm.Code));
            var throttled = await db.ConnectionAttempts.SingleAsync(a => a.StationId == "FLIP", Ct);
            Assert.Equal((RefusalReason.ReplacementThrottled, 3), (throttled.Reason, throttled.Count));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Event_streams_are_capped_per_key_and_in_total()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Events:MaxStreamsPerKey"] = "2",
            ["Events:MaxStreams"] = "3",
        });
        await using var first = await SseClient.OpenAsync(server);
        await using var second = await SseClient.OpenAsync(server);
        using (var admin = server.Api())
        {
            var problem = await (await admin.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Ct)).ProblemAsync(429);
            Assert.Contains("MaxStreamsPerKey", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var viewer = await server.ApiAsync(ApiRole.Viewer);
        await using var third = await SseClient.OpenAsync(server, client: viewer);
        using var operatorClient = await server.ApiAsync(ApiRole.Operator);
        await (await operatorClient.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Ct)).ProblemAsync(429);
    }

    private static async Task WaitUntilAsync(IskraServer server, Func<Iskra.Csms.Storage.IskraDbContext, Task<bool>> condition)
    {
        for (var i = 0; i < 400; i++)
        {
            await using var db = server.CreateDbContext();
            if (await condition(db))
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("the condition did not come true");
    }
}
