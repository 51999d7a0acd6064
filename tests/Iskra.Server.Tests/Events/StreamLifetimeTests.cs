using Iskra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Events;

/// <summary>An event stream's life: heartbeats while idle, its subscription gone when the client leaves, a clean end when the server stops.</summary>
public sealed class StreamLifetimeTests
{
    [Fact]
    public async Task An_idle_stream_gets_heartbeat_comments_and_leaving_ends_the_subscription()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?> { ["Events:HeartbeatSeconds"] = "0.2" });
        var feed = server.Services.GetRequiredService<Iskra.Csms.Events.CsmsEvents>();
        var events = await SseClient.OpenAsync(server);
        Assert.True(feed.HasSubscribers);

        await events.WaitForCommentAsync("heartbeat");
        Assert.Contains("connected", events.Comments);

        await events.DisposeAsync();
        // The server notices the client left at its next write (a heartbeat) and drops the subscription.
        for (var i = 0; i < 600 && feed.HasSubscribers; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.False(feed.HasSubscribers);
    }

    [Fact]
    public async Task Stopping_the_server_ends_open_streams_cleanly()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        await using var events = await SseClient.OpenAsync(server);

        var stopping = server.StopAsync();
        var ended = await Assert.ThrowsAsync<InvalidOperationException>(events.NextAsync);
        Assert.Equal("The event stream ended.", ended.Message);
        await stopping;
    }
}
