using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Iskra.Csms.Events;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Events;

/// <summary>
/// A client of <c>/api/events</c> that reads too slowly loses its oldest events (its queue holds
/// <see cref="CsmsEvents.QueueCapacity"/>) and is told so on the wire: an <c>event: reset</c> without an id,
/// then the events that were kept (docs/api.md, Live events).
/// </summary>
public sealed class EventOverflowTests
{
    private const string Filler = "test.filler";
    private static readonly JsonTypeInfo<string> Text = (JsonTypeInfo<string>)JsonSerializerOptions.Default.GetTypeInfo(typeof(string));

    [Fact]
    public async Task A_client_that_stops_reading_gets_a_reset_before_the_events_after_its_loss()
    {
        // Its own server: the flood would reset every stream of a shared one.
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        var events = server.Services.GetRequiredService<CsmsEvents>();
        await using var stream = await SseClient.OpenAsync(server);

        // The client reads nothing while 32 MB of events are published: more than the socket buffers and
        // the subscriber's queue hold. Each thousand is handed to the subscribers before the next, so the
        // loss is the subscriber's queue, not the fan-out queue.
        var padding = new string('x', 1024);
        for (var chunk = 0; chunk < 32; chunk++)
        {
            for (var i = 0; i < 1000; i++)
            {
                events.Publish(Filler, null, padding, Text);
            }

            while (events.PendingFanOut > 0)
            {
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }
        }

        var reset = await stream.NextOfAsync("reset", Filler);
        var data = reset.Message.GetProperty("data");
        var last = data.GetProperty("lastEventId").GetInt64();
        var oldestKept = data.GetProperty("oldestKeptId").GetInt64();
        Assert.True(oldestKept > last + 1, $"a reset tells of lost events: last sent {last}, oldest kept {oldestKept}");
        var next = await stream.NextAsync();
        Assert.Equal((Filler, oldestKept), (next.Type, next.Id)); // the stream goes on from the oldest kept event
    }
}
