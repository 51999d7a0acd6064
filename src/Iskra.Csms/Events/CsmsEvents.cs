using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Events;

/// <summary>
/// The in-process event feed: services publish, subscribers (SSE clients, webhooks) each get a
/// bounded queue. A slow subscriber loses the events that find its queue full, never slows a station,
/// and is told so right before the first event after the loss (<see cref="Subscription.TakeOverflow"/>,
/// an SSE <c>reset</c>).
/// A loss is marked by the single writer of each queue at the moment it happens (the publisher under its
/// lock for the fan-out queue, the fan-out task for a subscriber's queue), so the reader learns of it
/// exactly at the event that follows the gap, never before or after.
/// Publishing while nobody watches costs one volatile read. Publishing while somebody watches is
/// O(1) whatever the number of subscribers: the event is numbered, kept in the ring and queued for
/// one fan-out task (<see cref="FanOutCapacity"/>), which offers it to each subscriber off the
/// station's path.
/// Once a resumable subscriber (an SSE client) has come, the latest events are also kept in a ring
/// (<see cref="EventsOptions.ReplayBuffer"/>) so that a client coming back gets what it missed.
/// Sequence numbers start at the process start time in microseconds since 1970, so they rise across
/// restarts and an id of an earlier process is always older than the ring.
/// </summary>
public sealed class CsmsEvents : IDisposable
{
    public const int QueueCapacity = 1024;

    /// <summary>Events waiting for the fan-out task; past it new events are dropped and every subscriber gets a reset.</summary>
    public const int FanOutCapacity = 16 * 1024;

    private readonly Lock _gate = new();
    private readonly Channel<FanOutItem> _fanOut;
    private readonly bool _startFanOut;
    private Task? _fanOutTask;
    private bool _fanOutLost; // under _gate: an event was dropped, the next one queued carries the news
    private readonly TimeProvider _time;
    private readonly CsmsEvent?[] _ring;
    private Subscription[] _subscriptions = [];
    private long _sequence;
    private long _kept;
    private bool _keeping;

    public CsmsEvents(TimeProvider time, IOptions<EventsOptions> options)
        : this(time, options, startFanOut: true)
    {
    }

    /// <param name="startFanOut">False leaves the fan-out task stopped until <see cref="StartFanOut"/> (tests).</param>
    internal CsmsEvents(TimeProvider time, IOptions<EventsOptions> options, bool startFanOut)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _ring = new CsmsEvent?[Math.Max(0, options.Value.ReplayBuffer)];
        _sequence = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        _startFanOut = startFanOut;
        _fanOut = Channel.CreateBounded<FanOutItem>(new BoundedChannelOptions(FanOutCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    }

    /// <summary>Events published and not yet offered to the subscribers.</summary>
    public int PendingFanOut => _fanOut.Reader.Count;

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

            if (_subscriptions.Length > 0)
            {
                _fanOutLost = !_fanOut.Writer.TryWrite(new FanOutItem(e, _fanOutLost));
            }
        }
    }

    /// <summary>Starts the fan-out task if it is not running; the first subscriber does this.</summary>
    internal void StartFanOut()
    {
        lock (_gate)
        {
            _fanOutTask ??= Task.Run(FanOutAsync);
        }
    }

    private async Task FanOutAsync()
    {
        await foreach (var (e, afterLoss) in _fanOut.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var subscriptions = Volatile.Read(ref _subscriptions);
            if (afterLoss)
            {
                foreach (var subscription in subscriptions)
                {
                    subscription.LostBefore(e.Sequence);
                }
            }

            foreach (var subscription in subscriptions)
            {
                subscription.Offer(e);
            }
        }
    }

    public void Dispose() => _fanOut.Writer.TryComplete();

    /// <summary>A new subscription; dispose it to leave. <paramref name="stationId"/> null means every station.</summary>
    public Subscription Subscribe(string? stationId = null)
    {
        Subscription subscription;
        lock (_gate)
        {
            subscription = new Subscription(this, stationId, _sequence);
            _subscriptions = [.. _subscriptions, subscription];
        }

        Started();
        return subscription;
    }

    /// <summary>
    /// A new resumable subscription: from now on the latest events are kept for resuming. With
    /// <paramref name="after"/> (a client's last event id), <paramref name="replay"/> holds the kept
    /// events after it for <paramref name="stationId"/>; the subscription then gets exactly the later ones.
    /// </summary>
    public Subscription SubscribeResumable(string? stationId, long? after, out EventReplay? replay)
    {
        Subscription subscription;
        lock (_gate)
        {
            // The subscription takes the events after this point from the fan-out, the earlier ones from the replay.
            subscription = new Subscription(this, stationId, _sequence);
            _subscriptions = [.. _subscriptions, subscription];
            replay = after is { } last ? Replay(stationId, last) : null;
            Volatile.Write(ref _keeping, _ring.Length > 0);
        }

        Started();
        return subscription;
    }

    /// <summary>How many subscriptions are open.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    private void Started()
    {
        if (_startFanOut)
        {
            StartFanOut();
        }
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
        private readonly long _after;
        private readonly Channel<CsmsEvent> _queue;

        // Written by the fan-out task only (the queue's single writer), read by the subscriber's reader.
        private readonly ConcurrentQueue<long> _losses = new(); // each: an event lost; the reader is told before the first later one
        private bool _marked; // a loss is queued and no event has been queued since

        internal Subscription(CsmsEvents owner, string? stationId, long after)
        {
            _owner = owner;
            _stationId = stationId;
            _after = after;
            _queue = Channel.CreateBounded<CsmsEvent>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        }

        public ChannelReader<CsmsEvent> Reader => _queue.Reader;

        /// <summary>The sequence of the last event published before this subscription; it gets the later ones.</summary>
        public long StartSequence => _after;

        /// <summary>
        /// True when events meant for this subscriber were lost (its queue or the fan-out queue was full)
        /// between the event it took before and <paramref name="next"/>, the one it just took: the reader
        /// checks each event it takes and tells its client before passing it on. True once per loss.
        /// </summary>
        public bool TakeOverflow(long next)
        {
            var lost = false;
            while (_losses.TryPeek(out var sequence) && sequence < next)
            {
                _losses.TryDequeue(out _);
                lost = true;
            }

            return lost;
        }

        /// <summary>The fan-out queue lost events just before <paramref name="sequence"/> (called before it is offered).</summary>
        internal void LostBefore(long sequence) => Lost(sequence - 1);

        internal void Offer(CsmsEvent e)
        {
            if (e.Sequence > _after && (_stationId is null || string.Equals(_stationId, e.StationId, StringComparison.Ordinal)))
            {
                if (_queue.Writer.TryWrite(e))
                {
                    _marked = false;
                }
                else
                {
                    Lost(e.Sequence);
                }
            }
        }

        private void Lost(long sequence)
        {
            if (!_marked)
            {
                _losses.Enqueue(sequence); // before any later event is queued: the reader sees it in time
                _marked = true;
            }
        }

        public void Dispose()
        {
            _owner.Remove(this);
            _queue.Writer.TryComplete();
        }
    }
}

/// <summary>An event on its way to the fan-out task; <paramref name="AfterLoss"/>: events just before it were dropped.</summary>
internal readonly record struct FanOutItem(CsmsEvent Event, bool AfterLoss);
