using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Control;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Control;

/// <summary>A <see cref="SimulatorHost"/> with one fast station started against the real Iskra, and its control API on a loopback port.</summary>
public sealed class ControlApi : IAsyncDisposable
{
    private ControlApi(SimulatorHost host, ControlServer server, SimStation station)
    {
        Host = host;
        Server = server;
        Station = station;
        Http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public SimulatorHost Host { get; }

    public ControlServer Server { get; }

    public SimStation Station { get; }

    public HttpClient Http { get; }

    public static async Task<ControlApi> StartAsync(IskraServer iskra, string id, OcppVersion version)
    {
        await iskra.StationAsync(id);
        var host = new SimulatorHost();
        var station = host.Add(SimulatedStations.Options(iskra, id, version));
        host.Start(id);
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        return new ControlApi(host, ControlServer.Start(host, 0), station);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json = "") => Http.PostJsonAsync(path, json);

    public async Task<JsonElement> GetAsync(string path) =>
        await (await Http.GetAsync(path, TestContext.Current.CancellationToken)).JsonAsync(200);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Host.DisposeAsync();
    }
}
