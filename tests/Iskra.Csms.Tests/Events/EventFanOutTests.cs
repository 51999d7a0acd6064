using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Iskra.Csms.Events;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Iskra.Csms.Tests.Events;

/// <summary>Publishing is O(1) whatever the subscribers; a subscriber that lost events is told so.</summary>
public sealed class EventFanOutTests
{
    private static readonly JsonElement Body = JsonDocument.Parse("{}").RootElement;
    private static readonly JsonTypeInfo<JsonElement> BodyType = (JsonTypeInfo<JsonElement>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonElement));

    [Fact]
    public void Publishing_does_no_work_per_subscriber_the_fan_out_task_does()
    {
        using var events = new CsmsEvents(new FakeTimeProvider(), Options.Create(new EventsOptions()), startFanOut: false);
        var subscriptions = Enumerable.Range(0, 2000).Select(i => events.Subscribe(i % 2 == 0 ? null : "cp-" + i)).ToList();

        for (var i = 0; i < 100; i++)
        {
            Publish(events, "cp-1");
        }

        // Nothing reached any subscriber on the publisher's path: the events wait for the fan-out task.
        Assert.All(subscriptions, s => Assert.Equal(0, s.Reader.Count));
        Assert.Equal(100, events.PendingFanOut);
    }

    [Fact]
    public async Task The_fan_out_task_delivers_each_subscriber_its_events_in_order()
    {
        using var events = new CsmsEvents(new FakeTimeProvider(), Options.Create(new EventsOptions()), startFanOut: false);
        using var all = events.Subscribe();
        using var one = events.Subscribe("cp-2");
        Publish(events, "cp-1");
        Publish(events, "cp-2");
        Publish(events, "cp-1");

        events.StartFanOut();

        var received = new List<CsmsEvent>();
        for (var i = 0; i < 3; i++)
        {
            received.Add(await all.Reader.ReadAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(["cp-1", "cp-2", "cp-1"], received.Select(e => e.StationId));
        Assert.True(received[0].Sequence < received[1].Sequence && received[1].Sequence < received[2].Sequence);
        Assert.Equal("cp-2", (await one.Reader.ReadAsync(TestContext.Current.CancellationToken)).StationId);
        Assert.False(all.TryTake(out _, out _)); // nothing more, and nothing was lost on the way
    }

    [Fact]
    public async Task A_subscriber_whose_queue_overflowed_is_told_once()
    {
        using var events = new CsmsEvents(new FakeTimeProvider(), Options.Create(new EventsOptions()), startFanOut: false);
        using var slow = events.Subscribe();
        for (var i = 0; i < CsmsEvents.QueueCapacity + 10; i++)
        {
            Publish(events, "cp-1");
        }

        events.StartFanOut();
        for (var i = 0; i < 400 && (events.PendingFanOut > 0 || slow.Reader.Count < CsmsEvents.QueueCapacity); i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Equal(CsmsEvents.QueueCapacity, slow.Reader.Count);
        Assert.True(slow.TryTake(out var first, out var afterLoss));
        Assert.True(afterLoss); // the oldest ten went: the first event taken follows the gap
        var previous = first.Sequence;
        while (slow.TryTake(out var e, out afterLoss))
        {
            Assert.False(afterLoss);
            Assert.Equal(previous + 1, e.Sequence); // the newest are kept, in order
            previous = e.Sequence;
        }
    }

    private static void Publish(CsmsEvents events, string stationId) =>
        events.Publish("station.status", stationId, Body, BodyType);
}
