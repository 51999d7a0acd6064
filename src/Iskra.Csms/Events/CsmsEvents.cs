using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Events;

/// <summary>
/// The in-process event feed: services publish, subscribers (SSE clients, webhooks) each get a
/// bounded queue. A slow subscriber loses its oldest events, never slows a station, and is told so
/// with the first event it takes after the gap (<see cref="Subscription.TryTake"/>, an SSE <c>reset</c>):
/// a subscriber's queue drops and marks under one lock with the reader's take, and the fan-out task sees
/// a loss of its own queue as a gap in the sequence numbers, so the news is never early or late.
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

    /// <summary>Events waiting for the fan-out task; past it the oldest are dropped and every subscriber gets a reset.</summary>
    public const int FanOutCapacity = 16 * 1024;

    private readonly Lock _gate = new();
    private readonly Channel<CsmsEvent> _fanOut;
    private readonly bool _startFanOut;
    private Task? _fanOutTask;
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
        _fanOut = Channel.CreateBounded<CsmsEvent>(new BoundedChannelOptions(FanOutCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
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
                _fanOut.Writer.TryWrite(e);
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
        // Every event published while somebody is subscribed enters this queue in sequence order (under
        // _gate), so a gap before an event is a loss here, or a time without subscribers: the subscriptions
        // tell which (one that started after the gap lost nothing).
        var previous = 0L;
        await foreach (var e in _fanOut.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var subscriptions = Volatile.Read(ref _subscriptions);
            if (previous != 0 && e.Sequence > previous + 1)
            {
                foreach (var subscription in subscriptions)
                {
                    subscription.Gap(previous, e.Sequence);
                }
            }

            previous = e.Sequence;

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
        private readonly Lock _gate = new(); // a drop and its mark, against the reader's take
        private bool _dropped; // under _gate: the oldest queued events were dropped, the head follows the gap
        private Queue<long>? _gaps; // under _gate: the first event after each loss of the fan-out queue

        internal Subscription(CsmsEvents owner, string? stationId, long after)
        {
            _owner = owner;
            _stationId = stationId;
            _after = after;
            _queue = Channel.CreateBounded<CsmsEvent>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
        }

        /// <summary>For waiting (<c>WaitToReadAsync</c>) or a reader that does not care about losses; take with <see cref="TryTake"/> to learn of them.</summary>
        public ChannelReader<CsmsEvent> Reader => _queue.Reader;

        /// <summary>The sequence of the last event published before this subscription; it gets the later ones.</summary>
        public long StartSequence => _after;

        /// <summary>
        /// Takes the next event; <paramref name="afterLoss"/> is true when events meant for this subscriber were
        /// dropped right before it (its queue or the fan-out queue was full), so its client must reload.
        /// </summary>
        public bool TryTake([MaybeNullWhen(false)] out CsmsEvent e, out bool afterLoss)
        {
            lock (_gate)
            {
                afterLoss = false;
                if (!_queue.Reader.TryRead(out e))
                {
                    return false;
                }

                if (_dropped)
                {
                    _dropped = false;
                    afterLoss = true;
                }

                while (_gaps is { Count: > 0 } && _gaps.Peek() <= e.Sequence)
                {
                    _gaps.Dequeue();
                    afterLoss = true;
                }

                return true;
            }
        }

        /// <summary>The fan-out queue went from <paramref name="previous"/> to <paramref name="next"/>: a loss for this subscriber unless it started after the gap.</summary>
        internal void Gap(long previous, long next)
        {
            if (next - 1 > Math.Max(previous, _after))
            {
                lock (_gate)
                {
                    (_gaps ??= new()).Enqueue(next);
                }
            }
        }

        internal void Offer(CsmsEvent e)
        {
            if (e.Sequence > _after && (_stationId is null || string.Equals(_stationId, e.StationId, StringComparison.Ordinal)))
            {
                if (_queue.Writer.TryWrite(e))
                {
                    return;
                }

                lock (_gate)
                {
                    if (_queue.Writer.TryWrite(e))
                    {
                        return; // the reader took one meanwhile
                    }

                    // Full: the oldest goes (a client that reloads wants the newest), marked together with the drop.
                    if (_queue.Reader.TryRead(out _))
                    {
                        _dropped = true;
                    }

                    _queue.Writer.TryWrite(e);
                }
            }
        }

        public void Dispose()
        {
            _owner.Remove(this);
            _queue.Writer.TryComplete();
        }
    }
}

