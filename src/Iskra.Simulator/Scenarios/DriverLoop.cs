using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Scenarios;

/// <summary>
/// Plausible drivers at a station, forever: on each connector, after an idle while an EV with a random
/// battery and state of charge is plugged in, a card from the list is presented, the car charges for a
/// random while, then the driver either stops with the same card or just unplugs; and again. Each
/// connector has its own rhythm. A connector that is not free (faulted, unavailable, in use by someone
/// else) is left alone until it is. A remote start the station accepted for a free connector is a driver
/// who started from an app: the EV is plugged in a few seconds later (which starts the transaction), charges
/// a while and is unplugged, as after a card.
/// </summary>
public sealed class DriverLoop(SimStation station, DriverLoopOptions? options = null)
{
    private static readonly double[] CapacitiesWh = [40_000, 58_000, 77_000, 100_000];
    private static readonly double[] AcPowersW = [7_400, 11_000, 22_000];

    /// <summary>How often an idle connector is looked at for a remote start waiting for its EV.</summary>
    private static readonly TimeSpan RemoteStartPoll = TimeSpan.FromSeconds(1);

    private readonly DriverLoopOptions _options = options ?? new DriverLoopOptions();
    private int _sessions;

    /// <summary>Sessions started so far (cards accepted, remote starts plugged in).</summary>
    public int Sessions => _sessions;

    /// <summary>Runs the drivers of every connector until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_options.Cards.Count == 0)
        {
            throw new InvalidOperationException("The driver loop needs at least one card.");
        }

        try
        {
            await Task.WhenAll(station.Connectors.Select(c => DriveAsync(c, cancellationToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task DriveAsync(Connector connector, CancellationToken cancellationToken)
    {
        var random = _options.Seed is { } seed ? new Random(seed + connector.Id) : new Random();
        while (!cancellationToken.IsCancellationRequested)
        {
            var remote = await IdleAsync(connector, random, cancellationToken).ConfigureAwait(false);
            if (!station.IsOnline || (!remote && (connector.Status != ConnectorStatus.Available || connector.Plugged)))
            {
                continue;
            }

            try
            {
                await (remote ? RemoteSessionAsync(connector, random, cancellationToken) : SessionAsync(connector, random, cancellationToken)).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                // Someone else (the control API, the CSMS) acted on the connector meanwhile.
                station.Log.Note($"Driver on connector {connector.Id} gave up: {ex.Message}");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // one failed session must not end the drivers of a long-running demo; it is logged
            catch (Exception ex)
#pragma warning restore CA1031
            {
                station.Log.Note($"Driver on connector {connector.Id} failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>Waits an idle while, cut short when a remote start waits for an EV on <paramref name="connector"/> (true then).</summary>
    private async Task<bool> IdleAsync(Connector connector, Random random, CancellationToken cancellationToken)
    {
        var until = station.Time.GetUtcNow() + Span(random, _options.MinIdle, _options.MaxIdle);
        while (true)
        {
            if (WaitsForEv(connector))
            {
                return true;
            }

            var left = until - station.Time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.Delay(left < RemoteStartPoll ? left : RemoteStartPoll, station.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A remote start was accepted for the connector and no EV is there yet (1.6 §5.11, 2.0.1 F01: it waits for the plug).</summary>
    private static bool WaitsForEv(Connector connector) => connector.Pending is { Remote: true } && !connector.Plugged && connector.Session is null;

    /// <summary>The driver who started from an app walks to the car and plugs it in, which starts the transaction; charges a while; unplugs.</summary>
    private async Task RemoteSessionAsync(Connector connector, Random random, CancellationToken cancellationToken)
    {
        await DelayAsync(random, _options.MinStep, _options.MaxStep, cancellationToken).ConfigureAwait(false);
        if (!WaitsForEv(connector))
        {
            return; // the remote start timed out or someone else acted meanwhile
        }

        await station.PlugInAsync(connector.Id, RandomEv(connector, random)).ConfigureAwait(false);
        if (connector.Session is not null)
        {
            Interlocked.Increment(ref _sessions);
        }

        await DelayAsync(random, _options.MinCharge, _options.MaxCharge, cancellationToken).ConfigureAwait(false);
        await UnplugAsync(connector).ConfigureAwait(false);
    }

    private async Task SessionAsync(Connector connector, Random random, CancellationToken cancellationToken)
    {
        await station.PlugInAsync(connector.Id, RandomEv(connector, random)).ConfigureAwait(false);
        await DelayAsync(random, _options.MinStep, _options.MaxStep, cancellationToken).ConfigureAwait(false);
        var card = _options.Cards[random.Next(_options.Cards.Count)];
        var status = await station.PresentCardAsync(connector.Id, card).ConfigureAwait(false);
        if (status == "Accepted")
        {
            Interlocked.Increment(ref _sessions);
            await DelayAsync(random, _options.MinCharge, _options.MaxCharge, cancellationToken).ConfigureAwait(false);
            if (random.Next(2) == 0 && connector.Session is { } session && session.IdTag == card)
            {
                // Stops with the card first (Local), unplugs after a moment; otherwise unplugging stops it (EVDisconnected).
                await station.PresentCardAsync(connector.Id, card).ConfigureAwait(false);
                await DelayAsync(random, _options.MinStep, _options.MaxStep, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await DelayAsync(random, _options.MinStep, _options.MaxStep, cancellationToken).ConfigureAwait(false);
        }

        await UnplugAsync(connector).ConfigureAwait(false);
    }

    /// <summary>
    /// The driver unplugs from the EV and takes the cable away; a cable the transaction held in the socket comes
    /// out once the station has unlocked it (one that stays locked waits for the CSMS's UnlockConnector).
    /// </summary>
    private async Task UnplugAsync(Connector connector)
    {
        if (connector.Plugged)
        {
            await station.UnplugAsync(connector.Id).ConfigureAwait(false);
        }

        if (connector.CableInSocket && !connector.CableLocked && !connector.Plugged)
        {
            try
            {
                await station.UnplugAsync(connector.Id).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Someone acted on the connector meanwhile (plugged in again, or the lock closed).
            }
        }
    }

    private static ElectricVehicle RandomEv(Connector connector, Random random)
    {
        var capacity = CapacitiesWh[random.Next(CapacitiesWh.Length)];
        var soc = 0.1 + (random.NextDouble() * 0.5);
        var target = 0.8 + (random.NextDouble() * 0.2);
        var power = connector.Options.Dc ? 50_000 + (random.Next(11) * 10_000) : AcPowersW[random.Next(AcPowersW.Length)];
        return new ElectricVehicle(capacity, soc, power, target);
    }

    private Task DelayAsync(Random random, TimeSpan min, TimeSpan max, CancellationToken cancellationToken) =>
        Task.Delay(Span(random, min, max), station.Time, cancellationToken);

    private TimeSpan Span(Random random, TimeSpan min, TimeSpan max) => (min + ((max - min) * random.NextDouble())) * _options.Scale;
}
