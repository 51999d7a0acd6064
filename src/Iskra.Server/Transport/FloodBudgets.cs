using System.Collections.Concurrent;
using Iskra.Ocpp.Rpc;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Transport;

/// <summary>
/// One <see cref="FloodGuard"/> per station id, kept across its connections: a station closed with
/// 1008 for flooding comes back with the budget it left with, not a fresh burst. Only admitted
/// stations get one; a guard whose bucket has refilled is forgotten when the map grows.
/// </summary>
public sealed class FloodBudgets(IOptions<OcppServerOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, FloodGuard> _guards = new(StringComparer.Ordinal);

    public FloodGuard For(string stationId)
    {
        if (_guards.Count > PruneAbove)
        {
            foreach (var (id, guard) in _guards)
            {
                if (guard.IsFull)
                {
                    _guards.TryRemove(new KeyValuePair<string, FloodGuard>(id, guard));
                }
            }
        }

        return _guards.GetOrAdd(stationId, static (_, s) => new FloodGuard(s.Options.MaxMessagesPerSecond, s.Options.MessageBurst, s.Time), (Options: options.Value, Time: time));
    }
}
