using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator;

/// <summary>
/// Simulated stations against the real Iskra: registered, started, and judged by the official schemas
/// (every CALL and CALLRESULT the simulator sent, in strict mode).
/// </summary>
public static class SimulatedStations
{
    /// <summary>A fast station: 100 ms ticks, meter values every second, quick reconnects.</summary>
    public static StationOptions Options(IskraServer server, string id, OcppVersion version, IReadOnlyDictionary<string, string>? configuration = null) => new()
    {
        Id = id,
        Version = version,
        CsmsUrl = new Uri($"ws://{server.BaseUri.Authority}/ocpp"),
        Password = Seed.Password,
        SerialNumber = "SIM-" + id,
        Tick = TimeSpan.FromMilliseconds(100),
        ActionDelay = TimeSpan.FromMilliseconds(50),
        RebootDowntime = TimeSpan.FromMilliseconds(300),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        CallTimeout = TimeSpan.FromSeconds(10),
        Configuration = configuration ?? new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1" },
    };

    /// <summary>Registers <paramref name="id"/> on the server, starts the station and waits until it is online.</summary>
    public static async Task<SimStation> StartAsync(IskraServer server, string id, OcppVersion version, Func<StationOptions, StationOptions>? adjust = null)
    {
        await server.StationAsync(id);
        var options = Options(server, id, version);
        var station = new SimStation(adjust is null ? options : adjust(options));
        station.Start();
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        return station;
    }

    /// <summary>Waits until every queued message has gone and the station is idle on the wire for a moment.</summary>
    public static async Task SettleAsync(this SimStation station)
    {
        await station.WaitUntilAsync(s => s.QueuedTransactionMessages == 0, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
    }

    /// <summary>Plugs in a small EV, presents a card and waits until the transaction runs.</summary>
    public static async Task<string> StartSessionAsync(this SimStation station, int connectorId, string idTag, ElectricVehicle? ev = null)
    {
        await station.PlugInAsync(connectorId, ev ?? new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        var status = await station.PresentCardAsync(connectorId, idTag);
        Assert.Equal("Accepted", status);
        await station.WaitUntilAsync(s => s.Connector(connectorId).Session is not null, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        return station.Connector(connectorId).Session!.LocalId;
    }

    /// <summary>Every frame the station sent validates against the official schema of its action, CALLs and CALLRESULTs alike.</summary>
    public static async Task AssertSentFramesValidAsync(this SimStation station)
    {
        Dictionary<string, string> received = [];
        List<string> problems = [];
        var calls = 0;
        foreach (var entry in station.Log.Entries)
        {
            if (entry.Kind is not ("sent" or "received"))
            {
                continue;
            }

            using var frame = JsonDocument.Parse(entry.Text);
            var root = frame.RootElement;
            var type = root[0].GetInt32();
            var messageId = root[1].GetString()!;
            if (entry.Kind == "received")
            {
                if (type == 2)
                {
                    received[messageId] = root[2].GetString()!;
                }

                continue;
            }

            if (type == 2)
            {
                calls++;
                var action = root[2].GetString()!;
                problems.AddRange((await SchemaOracle.ValidateAsync(station.Version, action, false, root[3])).Select(p => $"{action}: {p}"));
            }
            else if (type == 3 && received.TryGetValue(messageId, out var answered))
            {
                problems.AddRange((await SchemaOracle.ValidateAsync(station.Version, answered, true, root[2])).Select(p => $"{answered}.conf: {p}"));
            }
        }

        Assert.True(calls > 0, "the station sent no CALL");
        Assert.True(problems.Count == 0, $"the simulator sent frames that violate the official {station.Version} schemas:\n{string.Join("\n", problems)}");
    }

    /// <summary>The CALL payloads of <paramref name="action"/> the station sent, in order.</summary>
    public static IReadOnlyList<JsonElement> Sent(this SimStation station, string action) =>
        [.. station.Log.Entries.Where(e => e.Kind == "sent").Select(e => JsonDocument.Parse(e.Text).RootElement)
            .Where(f => f[0].GetInt32() == 2 && f[2].GetString() == action).Select(f => f[3].Clone())];
}
