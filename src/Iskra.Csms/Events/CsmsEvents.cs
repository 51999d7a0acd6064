using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;

namespace Iskra.Csms.Events;

/// <summary>
/// The in-process event feed: services publish, subscribers (SSE clients, webhooks) each get a
/// bounded queue. A slow subscriber loses its oldest events, never slows a station.
/// Publishing with no subscriber costs one volatile read.
/// </summary>
public sealed class CsmsEvents(TimeProvider time)
{
    public const int QueueCapacity = 1024;

    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];
    private long _sequence;

    public bool HasSubscribers => Volatile.Read(ref _subscriptions).Length > 0;

    /// <summary>Publishes <paramref name="data"/>, serialized only when somebody listens.</summary>
    public void Publish<T>(string type, string? stationId, T data, JsonTypeInfo<T> typeInfo)
    {
        var subscriptions = Volatile.Read(ref _subscriptions);
        if (subscriptions.Length == 0)
        {
            return;
        }

        var element = JsonSerializer.SerializeToElement(data, typeInfo);
        var e = new CsmsEvent(Interlocked.Increment(ref _sequence), type, stationId, time.GetUtcNow(), element);
        foreach (var subscription in subscriptions)
        {
            subscription.Offer(e);
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
