using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>
/// Resuming <c>GET /api/events</c> with <c>Last-Event-ID</c> (or <c>?lastEventId=</c>): exactly the missed
/// events of the filtered station, then live ones; a reset when the id is older than what is kept.
/// Each test runs its own server, so no other test's events share its sequence.
/// </summary>
public sealed class ResumeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_coming_back_gets_exactly_what_it_missed_then_live_events(bool inQuery)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        var first = await SseClient.OpenAsync(server, "resume-a");
        await using var other = await RespondingStation.StartAsync(server, "resume-b", OcppVersion.V16);
        await using var station = await RespondingStation.StartAsync(server, "resume-a", OcppVersion.V16);
        Assert.Equal("station.connected", (await first.NextAsync()).Type);

        // The station reports connectors 1..20 while the client reads up to 5, leaves and comes back.
        var reports = Task.Run(async () =>
        {
            for (var connector = 1; connector <= 20; connector++)
            {
                await other.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");
                await station.CallAsync("StatusNotification", $$"""{"connectorId":{{connector}},"errorCode":"NoError","status":"Available"}""");
            }
        }, TestContext.Current.CancellationToken);
        SseEvent seen;
        do
        {
            seen = await first.NextAsync();
            Assert.Equal(("station.status", "resume-a"), (seen.Type, seen.StationId));
        }
        while (seen.Data.GetProperty("connectorId").GetInt32() < 5);

        await first.DisposeAsync();
        await using var again = await SseClient.OpenAsync(server, "resume-a", lastEventId: seen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), inQuery: inQuery);
        var connectors = new List<int>();
        var last = seen.Id;
        while (connectors.Count == 0 || connectors[^1] < 20)
        {
            var e = await again.NextAsync();
            Assert.Equal(("station.status", "resume-a"), (e.Type, e.StationId));
            Assert.True(e.Id > last, "rising ids, no duplicate");
            last = e.Id;
            connectors.Add(e.Data.GetProperty("connectorId").GetInt32());
        }

        await reports;
        Assert.Equal(Enumerable.Range(6, 15), connectors);

        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Preparing"}""");
        var live = await again.NextAsync();
        Assert.Equal(("station.status", "Preparing"), (live.Type, live.Data.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task An_id_older_than_the_buffer_gets_a_reset_then_what_is_kept()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?> { ["Events:ReplayBuffer"] = "3" });
        var first = await SseClient.OpenAsync(server);
        await using var station = await RespondingStation.StartAsync(server, "reset-a", OcppVersion.V16);
        var connected = await first.NextAsync();
        await first.DisposeAsync();
        for (var connector = 1; connector <= 5; connector++)
        {
            await station.CallAsync("StatusNotification", $$"""{"connectorId":{{connector}},"errorCode":"NoError","status":"Available"}""");
        }

        await using var again = await SseClient.OpenAsync(server, lastEventId: connected.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reset = await again.NextAsync();
        Assert.Equal(("reset", "reset"), (reset.Type, reset.Message.GetProperty("type").GetString()));
        var kept = new[] { await again.NextAsync(), await again.NextAsync(), await again.NextAsync() };
        Assert.Equal([3, 4, 5], kept.Select(e => e.Data.GetProperty("connectorId").GetInt32()));
        Assert.Equal(connected.Id, reset.Data.GetProperty("lastEventId").GetInt64());
        Assert.Equal(kept[0].Id, reset.Data.GetProperty("oldestKeptId").GetInt64());
        Assert.Equal(connected.Id + 3, kept[0].Id);

        await station.CallAsync("StatusNotification", """{"connectorId":6,"errorCode":"NoError","status":"Available"}""");
        Assert.Equal(6, (await again.NextAsync()).Data.GetProperty("connectorId").GetInt32());
    }

    [Theory]
    [InlineData("1")] // an id of an earlier process: ids start at the process start time, so it is older than all
    [InlineData("not-an-id")]
    public async Task An_id_that_is_not_of_this_process_gets_a_reset(string lastEventId)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        await using var events = await SseClient.OpenAsync(server, "reset-b", lastEventId: lastEventId);
        Assert.Equal("reset", (await events.NextAsync()).Type);
        await using var station = await RespondingStation.StartAsync(server, "reset-b", OcppVersion.V201);
        Assert.Equal("station.connected", (await events.NextAsync()).Type);
    }

    [Fact]
    public async Task Resuming_still_needs_a_key()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/events?lastEventId=1", UriKind.Relative));
        request.Headers.Add("Last-Event-ID", "1");
        var anonymous = await server.Api(null).SendAsync(request, TestContext.Current.CancellationToken);
        await anonymous.ProblemAsync(401);
        using var viewer = await server.ApiAsync(ApiRole.Viewer);
        await using var events = await SseClient.OpenAsync(server, client: viewer, lastEventId: "1");
        Assert.Equal("reset", (await events.NextAsync()).Type);
    }
}
