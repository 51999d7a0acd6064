using System.Net;
using System.Net.WebSockets;
using System.Text;
using Iskra.Csms.Stations;
using Iskra.Ocpp;

namespace Iskra.Server.Tests.Transport;

/// <summary>SPEC §2.1 handshake: id and credentials are judged before any WebSocket opens, then the subprotocol.</summary>
public sealed class HandshakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(new[] { "ocpp2.0.1", "ocpp1.6" }, "ocpp2.0.1", OcppVersion.V201)]
    [InlineData(new[] { "ocpp1.6", "ocpp2.0.1" }, "ocpp1.6", OcppVersion.V16)]
    [InlineData(new[] { "ocpp2.1", "ocpp1.5", "ocpp2.0.1", "ocpp1.6" }, "ocpp2.0.1", OcppVersion.V201)]
    public async Task The_first_supported_subprotocol_in_the_client_order_is_chosen(string[] offered, string chosen, OcppVersion version)
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = "secret";

        using var client = await server.ConnectAsync("CP1", "secret", offered);

        Assert.Equal(chosen, client.SubProtocol);
        // The server opens its side of the connection just after the upgrade the client has already seen.
        await ClientFrames.WaitUntilAsync(() => !server.Connections.Versions.IsEmpty);

        Assert.Equal(version, Assert.Single(server.Connections.Versions));
    }

    /// <summary>
    /// OCPP-J 1.6 §3.2, 2.0.1 part 4 §3.2: the server MUST complete the handshake without a
    /// Sec-WebSocket-Protocol header and close at once. A client that offers no subprotocol at all
    /// (null) is treated the same way: it has offered nothing we agree to.
    /// </summary>
    [Theory]
    [InlineData("ocpp2.0")]
    [InlineData("ocpp1.5")]
    [InlineData("ocpp2.1, mqtt")]
    [InlineData(null)]
    public async Task A_handshake_without_a_supported_subprotocol_is_completed_then_closed_and_recorded(string? offered)
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = null;

        using var response = await RawHandshake.SendAsync(server.Port, "/ocpp/CP1", offered);

        Assert.Equal(101, response.Status);
        Assert.False(response.Headers.ContainsKey("sec-websocket-protocol"));
        using var client = WebSocket.CreateFromStream(response.Stream, new WebSocketCreationOptions { IsServer = false });
        Assert.Equal(WebSocketCloseStatus.ProtocolError, await client.ReceiveCloseAsync());
        Assert.Contains("ocpp1.6", client.CloseStatusDescription, StringComparison.Ordinal);
        Assert.Contains("ocpp2.0.1", client.CloseStatusDescription, StringComparison.Ordinal);
        Assert.Equal(("CP1", RefusalReason.BadSubprotocol), Assert.Single(server.Admission.Refusals));
        Assert.Empty(server.Connections.Events);
        Assert.False(server.Sessions.TryGetChannel("CP1", out _));
    }

    [Fact]
    public async Task A_ClientWebSocket_offering_no_subprotocol_is_closed_with_the_supported_ones_named()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = null;

        using var client = new ClientWebSocket();
        await client.ConnectAsync(new Uri(server.WebSocketAddress, "ocpp/CP1"), Ct);

        Assert.Null(client.SubProtocol);
        Assert.Equal(WebSocketCloseStatus.ProtocolError, await client.ReceiveCloseAsync());
        Assert.Equal("unsupported subprotocol; Iskra speaks ocpp1.6, ocpp2.0.1", client.CloseStatusDescription);
        Assert.Empty(server.Connections.Events);
    }

    /// <summary>
    /// Credentials are judged first: a client that is not admitted gets the same 401 whatever it
    /// offers, so it never gets a socket and learns nothing about the id.
    /// </summary>
    [Theory]
    [InlineData("CP1", "guess", RefusalReason.BadCredentials)]
    [InlineData("CP9", "secret", RefusalReason.UnknownStation)]
    public async Task A_client_not_admitted_gets_401_whatever_subprotocol_it_offers(string stationId, string password, RefusalReason reason)
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = "secret";

        using var response = await RawHandshake.SendAsync(server.Port, "/ocpp/" + stationId, "ocpp2.0", Basic(stationId, password));

        Assert.Equal(401, response.Status);
        Assert.Equal((stationId, reason), Assert.Single(server.Admission.Refusals));
        Assert.Empty(server.Connections.Events);
    }

    [Fact]
    public async Task A_bad_subprotocol_does_not_replace_the_live_connection_of_its_station()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = "secret";
        using var live = await server.ConnectAsync("CP1", "secret");
        await ClientFrames.WaitUntilAsync(() => server.Sessions.TryGetChannel("CP1", out _));

        using var response = await RawHandshake.SendAsync(server.Port, "/ocpp/CP1", "ocpp2.0", Basic("CP1", "secret"));
        using var refused = WebSocket.CreateFromStream(response.Stream, new WebSocketCreationOptions { IsServer = false });
        await refused.ReceiveCloseAsync();

        await live.SendTextAsync("""[2,"m1","Heartbeat",{}]""");
        Assert.Equal("m1", (await live.ReceiveJsonAsync())[1].GetString());
        Assert.Equal(["open CP1", "connected CP1"], server.Connections.Events);
    }

    [Theory]
    [InlineData("/ocpp/1234567890123456789012345678901234567890123456789")]
    [InlineData("/ocpp/bad%20id")]
    [InlineData("/ocpp/a%3Cb%3E")]
    [InlineData("/ocpp/..")]
    [InlineData("/ocpp/%2E%2E")]
    [InlineData("/ocpp/%2F")]
    [InlineData("/ocpp/CP1/../CP2")]
    [InlineData("/ocpp/a/b")]
    [InlineData("/ocpp/")]
    public async Task A_bad_station_id_is_refused_with_400_and_recorded_escaped(string target)
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.AdmitAll = true;

        using var response = await RawHandshake.SendAsync(server.Port, target);

        Assert.Equal(400, response.Status);
        var (recorded, reason) = Assert.Single(server.Admission.Refusals);
        Assert.Equal(RefusalReason.BadPath, reason);
        Assert.NotNull(recorded);
        Assert.True(recorded.Length <= 64);
        Assert.DoesNotContain('/', recorded);
        Assert.DoesNotContain(' ', recorded);
        Assert.DoesNotContain('<', recorded);
        Assert.Empty(server.Admission.Requests);
    }

    [Fact]
    public async Task Every_allowed_character_passes_the_handshake()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.AdmitAll = true;

        using var response = await RawHandshake.SendAsync(server.Port, "/ocpp/A-Z_a=z:0+9|x@y.z*");

        Assert.Equal(101, response.Status);
        Assert.Equal("A-Z_a=z:0+9|x@y.z*", Assert.Single(server.Admission.Requests).StationId);
    }

    [Fact]
    public async Task A_request_that_is_not_a_WebSocket_gets_400()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = null;

        using var response = await RawHandshake.SendAsync(server.Port, "/ocpp/CP1", upgrade: false);

        Assert.Equal(400, response.Status);
        Assert.Empty(server.Admission.Requests);
    }

    [Fact]
    public async Task Unknown_station_and_wrong_password_get_the_same_401()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = "secret";

        using var unknown = await RawHandshake.SendAsync(server.Port, "/ocpp/CP9", authorization: Basic("CP9", "secret"));
        using var wrong = await RawHandshake.SendAsync(server.Port, "/ocpp/CP1", authorization: Basic("CP1", "guess"));
        using var otherUser = await RawHandshake.SendAsync(server.Port, "/ocpp/CP1", authorization: Basic("CP2", "secret"));
        using var none = await RawHandshake.SendAsync(server.Port, "/ocpp/CP1", authorization: null);

        foreach (var response in new[] { unknown, wrong, otherUser, none })
        {
            Assert.Equal(401, response.Status);
            Assert.Equal(unknown.Body, response.Body);
            Assert.Equal(unknown.Headers["www-authenticate"], response.Headers["www-authenticate"]);
            Assert.Equal(unknown.Headers["content-type"], response.Headers["content-type"]);
            Assert.False(response.Headers.ContainsKey("upgrade"));
        }

        Assert.StartsWith("Basic", unknown.Headers["www-authenticate"], StringComparison.Ordinal);
        Assert.Equal(
            [("CP9", RefusalReason.UnknownStation), ("CP1", RefusalReason.BadCredentials), ("CP1", RefusalReason.BadCredentials), ("CP1", RefusalReason.BadCredentials)],
            server.Admission.Refusals);
        Assert.Empty(server.Connections.Events);
    }

    [Fact]
    public async Task Basic_credentials_reach_the_admission_as_sent()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = "pa:ss";

        using var client = await server.ConnectAsync("CP1", "pa:ss");

        var request = Assert.Single(server.Admission.Requests);
        Assert.Equal(("CP1", "CP1", "pa:ss", false), (request.StationId, request.BasicUser, request.BasicPassword, request.IsTls));
        Assert.Equal("127.0.0.1", request.RemoteAddress);
    }

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
