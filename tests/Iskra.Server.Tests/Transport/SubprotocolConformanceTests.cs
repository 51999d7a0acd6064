using System.Net.WebSockets;
using System.Text;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Transport;

/// <summary>
/// OCPP-J 1.6 §3.2, 2.0.1 part 4 §3.2 against the real server: a registered station that offers only a
/// subprotocol Iskra does not speak, or none, gets the handshake completed without a subprotocol and
/// the connection closed at once; the attempt is recorded and nothing is served. Credentials come first.
/// </summary>
public sealed class SubprotocolConformanceTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_unsupported_or_no_subprotocols_complete_the_handshake_then_close_and_are_recorded(string provider)
    {
        var server = On(provider);
        var id = "subproto-" + provider;
        await server.StationAsync(id);

        foreach (var offered in new[] { "ocpp2.0", null })
        {
            using var response = await RawHandshake.SendAsync(server.BaseUri.Port, "/ocpp/" + id, offered, Basic(id, Seed.Password));
            Assert.Equal(101, response.Status);
            Assert.False(response.Headers.ContainsKey("sec-websocket-protocol"));
            using var client = WebSocket.CreateFromStream(response.Stream, new WebSocketCreationOptions { IsServer = false });
            // Nothing is served: a CALL sent now is never answered; the next frame is the close.
            await client.SendAsync("""[2,"1","Heartbeat",{}]"""u8.ToArray(), WebSocketMessageType.Text, true, Ct);
            Assert.Equal(WebSocketCloseStatus.ProtocolError, await client.ReceiveCloseAsync());
            Assert.Equal("unsupported subprotocol; Iskra speaks ocpp1.6, ocpp2.0.1", client.CloseStatusDescription);
        }

        // Refusals of one id from one address and reason are one row with a count.
        await server.FlushRefusalsAsync();
        var attempts = await (await server.Api().GetAsync(new Uri($"/api/connection-attempts?stationId={id}", UriKind.Relative), Ct)).JsonAsync(200);
        var attempt = Assert.Single(attempts.GetProperty("items").EnumerateArray());
        Assert.Equal(("BadSubprotocol", 2), (attempt.GetProperty("reason").GetString(), attempt.GetProperty("count").GetInt32()));
        var station = await (await server.Api().GetAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Ct)).JsonAsync(200);
        Assert.False(station.GetProperty("connected").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, station.GetProperty("lastSeen").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Wrong_credentials_get_401_whatever_the_subprotocol(string provider)
    {
        var server = On(provider);
        var id = "subproto-401-" + provider;
        await server.StationAsync(id);

        using var wrong = await RawHandshake.SendAsync(server.BaseUri.Port, "/ocpp/" + id, "ocpp2.0", Basic(id, "guess"));
        using var unknown = await RawHandshake.SendAsync(server.BaseUri.Port, "/ocpp/" + id + "-x", "ocpp2.0", Basic(id + "-x", Seed.Password));

        Assert.Equal((401, 401), (wrong.Status, unknown.Status));
        Assert.Equal(wrong.Body, unknown.Body);
        await server.FlushRefusalsAsync();
        var attempts = await (await server.Api().GetAsync(new Uri($"/api/connection-attempts?stationId={id}", UriKind.Relative), Ct)).JsonAsync(200);
        Assert.Equal(["BadCredentials"], attempts.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("reason").GetString()));
    }

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
