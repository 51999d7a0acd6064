using System.Globalization;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Control;

/// <summary>The control API's station-level endpoints: list, read, start/stop, log, power, network and faults.</summary>
internal static class StationEndpoints
{
    public static Task<ControlResult> FaultsAsync(ControlRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ControlResult.Json(FaultCatalog.All, ControlJsonContext.Default.IReadOnlyListFaultInfo));

    public static async Task<ControlResult> ListAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        var states = new List<StationState>();
        foreach (var station in request.Host.Stations)
        {
            states.Add(await StationState.ReadAsync(station).ConfigureAwait(false));
        }

        return ControlResult.Json<IReadOnlyList<StationState>>(states, ControlJsonContext.Default.IReadOnlyListStationState);
    }

    public static async Task<ControlResult> GetAsync(ControlRequest request, CancellationToken cancellationToken) =>
        await StateAsync(request.Station()).ConfigureAwait(false);

    public static async Task<ControlResult> StartAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        var station = request.Station();
        if (!request.Host.Start(station.Id))
        {
            throw ControlProblemException.Conflict($"Station {station.Id} is running already.");
        }

        return await StateAsync(station).ConfigureAwait(false);
    }

    public static async Task<ControlResult> StopAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        var station = request.Station();
        await station.StopAsync().ConfigureAwait(false);
        return await StateAsync(station).ConfigureAwait(false);
    }

    /// <summary>GET …/log?after=seq: the entries after a sequence number (all kept ones without it).</summary>
    public static Task<ControlResult> LogAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        var station = request.Station();
        long after = 0;
        if (request.Query("after") is { } text && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            throw ControlProblemException.BadRequest($"after must be a log sequence number, not '{text}'.");
        }

        IReadOnlyList<LogEntryView> entries = [.. station.Log.Entries.Where(e => e.Sequence > after).Select(e => new LogEntryView(e.Sequence, e.At, e.Kind, e.Text))];
        return Task.FromResult(ControlResult.Json(entries, ControlJsonContext.Default.IReadOnlyListLogEntryView));
    }

    public static async Task<ControlResult> ActAsync(ControlRequest request, Func<SimStation, Task> action)
    {
        var station = request.Station();
        await action(station).ConfigureAwait(false);
        return await StateAsync(station).ConfigureAwait(false);
    }

    public static Task<ControlResult> ActiveFaultsAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<FaultInfo> active = [.. request.Station().Faults.Active.Select(f => new FaultInfo(f.ToString(), FaultCatalog.Describe(f)))];
        return Task.FromResult(ControlResult.Json(active, ControlJsonContext.Default.IReadOnlyListFaultInfo));
    }

    /// <summary>PUT switches the named fault on, DELETE off (names are case-insensitive; GET /faults lists them).</summary>
    public static async Task<ControlResult> SwitchFaultAsync(ControlRequest request, bool on)
    {
        var station = request.Station();
        var name = request.Value("fault");
        if (!FaultCatalog.TryParse(name, out var fault))
        {
            throw ControlProblemException.NotFound($"No fault '{name}'; GET /faults lists them.");
        }

        station.Faults.Set(fault, on);
        station.Log.Note($"Fault {fault} switched {(on ? "on" : "off")}.");
        return await StateAsync(station).ConfigureAwait(false);
    }

    public static async Task<ControlResult> StateAsync(SimStation station) =>
        ControlResult.Json(await StationState.ReadAsync(station).ConfigureAwait(false), ControlJsonContext.Default.StationState);
}
