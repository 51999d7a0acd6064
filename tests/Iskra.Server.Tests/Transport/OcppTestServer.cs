using System.Net.WebSockets;
using System.Text;
using Iskra.Csms.Routing;
using Iskra.Csms.Stations;
using Iskra.Server.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iskra.Server.Tests.Transport;

/// <summary>A real Kestrel host on 127.0.0.1:0 with the OCPP transport and test doubles for the CSMS.</summary>
internal sealed class OcppTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OcppTestServer(WebApplication app, Uri address, FakeAdmission admission, FakeConnections connections)
    {
        _app = app;
        Admission = admission;
        Connections = connections;
        HttpAddress = address;
        WebSocketAddress = new UriBuilder(address) { Scheme = "ws" }.Uri;
    }

    public FakeAdmission Admission { get; }

    public FakeConnections Connections { get; }

    public StationSessions Sessions => _app.Services.GetRequiredService<StationSessions>();

    public Uri HttpAddress { get; }

    public Uri WebSocketAddress { get; }

    public int Port => HttpAddress.Port;

    public static async Task<OcppTestServer> StartAsync(Dictionary<string, string?>? configuration = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration ?? []);
        builder.Services.AddOcppTransport(builder.Configuration);
        var admission = new FakeAdmission();
        var connections = new FakeConnections();
        builder.Services.AddSingleton<IStationAdmission>(admission);
        builder.Services.AddSingleton<IStationConnectionHandler>(connections);
        var app = builder.Build();
        app.MapOcpp();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OcppTestServer(app, new Uri(address), admission, connections);
    }

    /// <summary>A connected client for <paramref name="stationId"/> with Basic credentials when a password is given.</summary>
    public async Task<ClientWebSocket> ConnectAsync(string stationId, string? password = null, params string[] subprotocols)
    {
        var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        foreach (var subprotocol in subprotocols.Length == 0 ? ["ocpp1.6"] : subprotocols)
        {
            client.Options.AddSubProtocol(subprotocol);
        }

        if (password is not null)
        {
            client.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{stationId}:{password}")));
        }

        await client.ConnectAsync(new Uri(WebSocketAddress, "ocpp/" + Uri.EscapeDataString(stationId)), TestContext.Current.CancellationToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
