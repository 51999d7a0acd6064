using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Transport;

/// <summary>
/// Counts the handshakes in progress (id check to admission decision) per address, so one address
/// cannot hold more than <see cref="OcppServerOptions.MaxHandshakesPerAddress"/> of them open while
/// admission waits on storage or password hashing. Over the cap a handshake is refused with 429
/// before any work.
/// </summary>
public sealed class HandshakeGate(IOptions<OcppServerOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _inProgress = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for <paramref name="address"/>; false when its handshakes are at the cap.</summary>
    public bool TryEnter(string address)
    {
        var max = options.Value.MaxHandshakesPerAddress;
        while (true)
        {
            var current = _inProgress.GetOrAdd(address, 0);
            if (current >= max)
            {
                return false;
            }

            if (_inProgress.TryUpdate(address, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Exit(string address)
    {
        while (true)
        {
            var current = _inProgress[address];
            if (current <= 1)
            {
                if (_inProgress.TryRemove(new KeyValuePair<string, int>(address, current)))
                {
                    return;
                }
            }
            else if (_inProgress.TryUpdate(address, current - 1, current))
            {
                return;
            }
        }
    }
}
