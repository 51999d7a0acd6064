using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Events;

/// <summary>
/// The in-process event feed: services publish, subscribers (SSE clients, webhooks) each get a
/// bounded queue. A slow subscriber loses its oldest events, never slows a station.
/// Publishing while nobody watches costs one volatile read.
/// Once a resumable subscriber (an SSE client) has come, the latest events are also kept in a ring
/// (<see cref="EventsOptions.ReplayBuffer"/>) so that a client coming back gets what it missed.
/// Sequence numbers start at the process start time in microseconds since 1970, so they rise across
/// restarts and an id of an earlier process is always older than the ring.
/// </summary>
public sealed class CsmsEvents
{
    public const int QueueCapacity = 1024;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly CsmsEvent?[] _ring;
    private Subscription[] _subscriptions = [];
    private long _sequence;
    private long _kept;
    private bool _keeping;

    public CsmsEvents(TimeProvider time, IOptions<EventsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _ring = new CsmsEvent?[Math.Max(0, options.Value.ReplayBuffer)];
        _sequence = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
    }

    /// <summary>Whether a subscriber is connected right now.</summary>
    public bool HasSubscribers => Volatile.Read(ref _subscriptions).Length > 0;

    /// <summary>Whether publishing is worth building an event: a subscriber is connected, or events are kept for resuming ones.</summary>
    public bool IsWatched => Volatile.Read(ref _keeping) || HasSubscribers;

    /// <summary>Publishes <paramref name="data"/>, serialized only when somebody watches.</summary>
    public void Publish<T>(string type, string? stationId, T data, JsonTypeInfo<T> typeInfo)
    {
        if (!IsWatched)
        {
            return;
        }

        var element = JsonSerializer.SerializeToElement(data, typeInfo);
        var now = _time.GetUtcNow();
        // One short lock orders the sequence, the ring and the offers, so a subscriber that joins and
        // replays under the same lock sees every event exactly once and in order.
        lock (_gate)
        {
            var e = new CsmsEvent(++_sequence, type, stationId, now, element);
            if (_keeping)
            {
                _ring[e.Sequence % _ring.Length] = e;
                _kept++;
            }

            foreach (var subscription in _subscriptions)
            {
                subscription.Offer(e);
            }
        }
    }

    /// <summary>A new subscription; dispose it to leave. <paramref name="stationId"/> null means every station.</summary>
    public Subscription Subscribe(string? stationId = null)
    {
        var subscription = new Subscription(this, stationId);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    /// <summary>
    /// A new resumable subscription: from now on the latest events are kept for resuming. With
    /// <paramref name="after"/> (a client's last event id), <paramref name="replay"/> holds the kept
    /// events after it for <paramref name="stationId"/>; the subscription then gets exactly the later ones.
    /// </summary>
    public Subscription SubscribeResumable(string? stationId, long? after, out EventReplay? replay)
    {
        var subscription = new Subscription(this, stationId);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
            replay = after is { } last ? Replay(stationId, last) : null;
            Volatile.Write(ref _keeping, _ring.Length > 0);
        }

        return subscription;
    }

    private EventReplay Replay(string? stationId, long after)
    {
        var oldest = _sequence - Math.Min(_kept, _ring.Length) + 1;
        var events = new List<CsmsEvent>();
        for (var sequence = Math.Max(after + 1, oldest); sequence <= _sequence; sequence++)
        {
            var e = _ring[sequence % _ring.Length]!;
            if (stationId is null || string.Equals(stationId, e.StationId, StringComparison.Ordinal))
            {
                events.Add(e);
            }
        }

        return new EventReplay(events, after >= oldest - 1 && after <= _sequence, oldest);
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    /// <summary>One subscriber's queue of events.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly CsmsEvents _owner;
        private readonly string? _stationId;
        private readonly Channel<CsmsEvent> _queue = Channel.CreateBounded<CsmsEvent>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        internal Subscription(CsmsEvents owner, string? stationId)
        {
            _owner = owner;
            _stationId = stationId;
        }

        public ChannelReader<CsmsEvent> Reader => _queue.Reader;

        internal void Offer(CsmsEvent e)
        {
            if (_stationId is null || string.Equals(_stationId, e.StationId, StringComparison.Ordinal))
            {
                _queue.Writer.TryWrite(e);
            }
        }

        public void Dispose()
        {
            _owner.Remove(this);
            _queue.Writer.TryComplete();
        }
    }
}
