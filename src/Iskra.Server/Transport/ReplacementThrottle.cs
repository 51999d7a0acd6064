using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Transport;

/// <summary>
/// Limits how often an authenticated connection may replace a station's live one: at most
/// <see cref="OcppServerOptions.MaxReplacementsPerWindow"/> within <see cref="OcppServerOptions.ReplacementWindow"/>.
/// Two devices sharing one id and password would otherwise take the session from each other without
/// end. Over the limit the newcomer is refused (429) and the live connection stays.
/// </summary>
public sealed class ReplacementThrottle(IOptions<OcppServerOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts a replacement of <paramref name="stationId"/>'s connection; false when it is over the limit.</summary>
    /// <param name="firstRefusal">True for the first refusal of the window, when an alarm is due.</param>
    public bool TryReplace(string stationId, out bool firstRefusal)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var w = _windows.AddOrUpdate(
            stationId,
            static (_, now) => new Window(now, 1, false),
            (_, w, now) => now - w.Start > settings.ReplacementWindow ? new Window(now, 1, false) : w with { Count = w.Count + 1 },
            now);
        if (_windows.Count > 10_000)
        {
            foreach (var (id, old) in _windows)
            {
                if (now - old.Start > settings.ReplacementWindow)
                {
                    _windows.TryRemove(new KeyValuePair<string, Window>(id, old));
                }
            }
        }

        firstRefusal = false;
        if (w.Count <= settings.MaxReplacementsPerWindow)
        {
            return true;
        }

        firstRefusal = !w.Alarmed && _windows.TryUpdate(stationId, w with { Alarmed = true }, w);
        return false;
    }

    private sealed record Window(DateTimeOffset Start, int Count, bool Alarmed);
}
