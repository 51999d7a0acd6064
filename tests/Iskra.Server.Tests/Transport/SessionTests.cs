using System.Net.WebSockets;
using System.Text.Json;
using Iskra.Ocpp.Rpc;

namespace Iskra.Server.Tests.Transport;

/// <summary>Admitted connections: the session registry, replacement, disconnects and the channel behind them.</summary>
public sealed class SessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admitted_station_is_registered_and_its_calls_are_answered()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = "secret";

        using var client = await server.ConnectAsync("CP1", "secret");
        await client.SendTextAsync("""[2,"1","Heartbeat",{}]""");

        Assert.Equal("""[3,"1",{"action":"Heartbeat","payload":{}}]""", await client.ReceiveTextAsync());
        Assert.True(server.Sessions.IsConnected("CP1"));
        Assert.Equal(1, server.Sessions.Count);
        Assert.Equal(["open CP1", "connected CP1"], server.Connections.Events);
    }

    [Fact]
    public async Task Commands_reach_the_station_through_its_registered_channel()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = null;
        using var client = await server.ConnectAsync("CP1");
        await ClientFrames.WaitUntilAsync(() => server.Sessions.IsConnected("CP1"));

        Assert.True(server.Sessions.TryGetChannel("CP1", out var channel));
        var call = channel.CallRawAsync("Reset", JsonElement.Parse("""{"type":"Soft"}"""), cancellationToken: Ct);
        var frame = await client.ReceiveJsonAsync();
        Assert.Equal("Reset", frame[2].GetString());
        await client.SendTextAsync($$"""[3,"{{frame[1].GetString()}}",{"status":"Accepted"}]""");

        Assert.Equal("Accepted", (await call).GetProperty("status").GetString());
        Assert.False(server.Sessions.TryGetChannel("CP2", out _));
    }

    [Fact]
    public async Task A_new_connection_with_the_same_id_replaces_and_closes_the_old_one()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = "secret";
        using var first = await server.ConnectAsync("CP1", "secret");
        await ClientFrames.WaitUntilAsync(() => server.Sessions.IsConnected("CP1"));
        server.Sessions.TryGetChannel("CP1", out var firstChannel);

        using var second = await server.ConnectAsync("CP1", "secret");

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await first.ReceiveCloseAsync());
        Assert.Equal("replaced by a new connection", first.CloseStatusDescription);
        await ClientFrames.WaitUntilAsync(() => server.Connections.Events.Count(e => e == "disconnected CP1") == 1);
        Assert.True(server.Sessions.TryGetChannel("CP1", out var current));
        Assert.NotSame(firstChannel, current);
        Assert.Equal(1, server.Sessions.Count);

        await second.SendTextAsync("""[2,"2","Heartbeat",{}]""");
        Assert.Equal("""[3,"2",{"action":"Heartbeat","payload":{}}]""", await second.ReceiveTextAsync());
        Assert.True(server.Sessions.IsConnected("CP1"));
    }

    [Fact]
    public async Task A_refused_connection_never_replaces_the_live_one()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = "secret";
        using var live = await server.ConnectAsync("CP1", "secret");
        await ClientFrames.WaitUntilAsync(() => server.Sessions.IsConnected("CP1"));

        using var intruder = new ClientWebSocket();
        intruder.Options.AddSubProtocol("ocpp1.6");
        intruder.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String("CP1:guess"u8.ToArray()));
        await Assert.ThrowsAsync<WebSocketException>(() => intruder.ConnectAsync(new Uri(server.WebSocketAddress, "ocpp/CP1"), Ct));

        await live.SendTextAsync("""[2,"3","Heartbeat",{}]""");
        Assert.NotNull(await live.ReceiveTextAsync());
        Assert.Equal(["open CP1", "connected CP1"], server.Connections.Events);
    }

    [Fact]
    public async Task A_station_that_disconnects_is_unregistered_and_its_pending_call_fails()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = null;
        var client = await server.ConnectAsync("CP1");
        await ClientFrames.WaitUntilAsync(() => server.Sessions.IsConnected("CP1"));
        server.Sessions.TryGetChannel("CP1", out var channel);
        var call = channel!.CallRawAsync("Reset", JsonElement.Parse("""{"type":"Hard"}"""), cancellationToken: Ct);
        await client.ReceiveJsonAsync();

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Ct);
        client.Dispose();

        await Assert.ThrowsAsync<StationDisconnectedException>(() => call);
        await ClientFrames.WaitUntilAsync(() => !server.Sessions.IsConnected("CP1"));
        await ClientFrames.WaitUntilAsync(() => server.Connections.Events.Contains("disconnected CP1"));
        Assert.Equal(0, server.Sessions.Count);
    }

    [Fact]
    public async Task The_frame_limit_comes_from_the_Ocpp_configuration_section()
    {
        await using var server = await OcppTestServer.StartAsync(new() { ["Ocpp:MaxFrameBytes"] = "512" });
        server.Admission.Stations["CP1"] = null;
        using var client = await server.ConnectAsync("CP1");

        await client.SendTextAsync($$"""[2,"big","DataTransfer",{"vendorId":"{{new string('v', 600)}}"}]""");

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.ReceiveCloseAsync());
    }
}
