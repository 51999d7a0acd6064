using System.Collections.Concurrent;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Control;

/// <summary>
/// Many simulated stations held by id: the in-process side of the control API (the HTTP side,
/// <see cref="ControlServer"/>, calls the same methods). Disposing it stops and disposes every station.
/// </summary>
public sealed class SimulatorHost(TimeProvider? time = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SimStation> _stations = new(StringComparer.Ordinal);

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    /// <summary>The stations, ordered by id.</summary>
    public IReadOnlyList<SimStation> Stations => [.. _stations.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>Raised when a station is added (before it is started), e.g. to attach a log printer.</summary>
    public event Action<SimStation>? Added;

    /// <summary>Creates a station from <paramref name="options"/> and holds it (not started yet).</summary>
    public SimStation Add(StationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var station = new SimStation(options, Time);
        if (!_stations.TryAdd(options.Id, station))
        {
            throw new InvalidOperationException($"A station {options.Id} exists already.");
        }

        Added?.Invoke(station);
        return station;
    }

    public SimStation? Find(string id) => _stations.TryGetValue(id, out var station) ? station : null;

    public SimStation Get(string id) => Find(id) ?? throw new KeyNotFoundException($"No station {id}.");

    /// <summary>Starts the station (it connects and boots); false when it was running already.</summary>
    public bool Start(string id)
    {
        var station = Get(id);
        if (station.IsRunning)
        {
            return false;
        }

        station.Start();
        return true;
    }

    /// <summary>Starts every station that is not running.</summary>
    public void StartAll()
    {
        foreach (var station in Stations.Where(s => !s.IsRunning))
        {
            station.Start();
        }
    }

    public Task StopAsync(string id) => Get(id).StopAsync();

    /// <summary>Stops, disposes and forgets the station; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string id)
    {
        if (!_stations.TryRemove(id, out var station))
        {
            return false;
        }

        await station.DisposeAsync().ConfigureAwait(false);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _stations.Keys.ToList())
        {
            await RemoveAsync(id).ConfigureAwait(false);
        }
    }
}
