using System.Collections.Concurrent;
using Iskra.Csms.Events;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Api;

/// <summary>
/// Counts open event streams, in total and per API key, so subscribers stay few enough that the
/// fan-out keeps up (<see cref="EventsOptions.MaxStreams"/>, <see cref="EventsOptions.MaxStreamsPerKey"/>).
/// </summary>
public sealed class EventStreamSlots(IOptions<EventsOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _perKey = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>Takes a slot for <paramref name="keyId"/>; false when the key or the server is at its cap.</summary>
    public bool TryEnter(string keyId)
    {
        var settings = options.Value;
        if (Interlocked.Increment(ref _total) > settings.MaxStreams)
        {
            Interlocked.Decrement(ref _total);
            return false;
        }

        while (true)
        {
            var current = _perKey.GetOrAdd(keyId, 0);
            if (current >= settings.MaxStreamsPerKey)
            {
                Interlocked.Decrement(ref _total);
                return false;
            }

            if (_perKey.TryUpdate(keyId, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Exit(string keyId)
    {
        while (true)
        {
            var current = _perKey[keyId];
            if (current <= 1 ? _perKey.TryRemove(new KeyValuePair<string, int>(keyId, current)) : _perKey.TryUpdate(keyId, current - 1, current))
            {
                Interlocked.Decrement(ref _total);
                return;
            }
        }
    }
}
