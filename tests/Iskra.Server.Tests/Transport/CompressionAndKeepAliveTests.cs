using System.Net.WebSockets;
using Iskra.Ocpp.Rpc;

namespace Iskra.Server.Tests.Transport;

/// <summary>SPEC §2.1: permessage-deflate when offered (server_no_context_takeover), pings, half-open drops.</summary>
public sealed class CompressionAndKeepAliveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Compression_is_negotiated_without_server_context_takeover_when_offered()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = null;

        using var response = await RawHandshake.SendAsync(server.Port, "/ocpp/CP1", extensions: "permessage-deflate; client_max_window_bits");

        Assert.Equal(101, response.Status);
        Assert.Equal("ocpp1.6", response.Headers["sec-websocket-protocol"]);
        var extension = response.Headers["sec-websocket-extensions"];
        Assert.StartsWith("permessage-deflate", extension, StringComparison.Ordinal);
        Assert.Contains("server_no_context_takeover", extension, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_offer_there_is_no_compression()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = null;

        using var response = await RawHandshake.SendAsync(server.Port, "/ocpp/CP1");

        Assert.Equal(101, response.Status);
        Assert.False(response.Headers.ContainsKey("sec-websocket-extensions"));
    }

    [Fact]
    public async Task A_compressed_connection_carries_calls_both_ways()
    {
        await using var server = await OcppTestServer.StartAsync();
        server.Admission.Stations["CP1"] = null;
        using var client = new ClientWebSocket();
        client.Options.AddSubProtocol("ocpp1.6");
        client.Options.DangerousDeflateOptions = new WebSocketDeflateOptions { ServerContextTakeover = false };
        await client.ConnectAsync(new Uri(server.WebSocketAddress, "ocpp/CP1"), Ct);

        var big = new string('a', 20_000);
        await client.SendTextAsync($$"""[2,"z","DataTransfer",{"vendorId":"V","data":"{{big}}"}]""");
        var answer = await client.ReceiveJsonAsync();
        Assert.Equal(big, answer[2].GetProperty("payload").GetProperty("data").GetString());

        await ClientFrames.WaitUntilAsync(() => server.Sessions.IsConnected("CP1"));
        server.Sessions.TryGetChannel("CP1", out var channel);
        var call = channel!.CallRawAsync("GetConfiguration", System.Text.Json.JsonElement.Parse("{}"), cancellationToken: Ct);
        var frame = await client.ReceiveJsonAsync();
        await client.SendTextAsync($$"""[3,"{{frame[1].GetString()}}",{"configurationKey":[]}]""");
        Assert.Equal(System.Text.Json.JsonValueKind.Array, (await call).GetProperty("configurationKey").ValueKind);
    }

    [Fact]
    public async Task A_station_that_stops_answering_pings_is_dropped_within_two_intervals()
    {
        // 4 s: the socket's keep-alive heartbeat ticks at least every second, so shorter intervals
        // cannot show the bound; at the 60 s default the worst case is 1.75 intervals.
        var interval = TimeSpan.FromSeconds(4);
        await using var server = await OcppTestServer.StartAsync(new() { ["Ocpp:PingInterval"] = interval.ToString() });
        server.Admission.Stations["CP1"] = null;

        // A handshake by hand, then silence: nobody reads the pings, nobody pongs (a half-open peer).
        var started = DateTime.UtcNow;
        using var silent = await RawHandshake.SendAsync(server.Port, "/ocpp/CP1");
        Assert.Equal(101, silent.Status);
        await ClientFrames.WaitUntilAsync(() => server.Sessions.IsConnected("CP1"));
        server.Sessions.TryGetChannel("CP1", out var channel);

        for (var i = 0; i < 200 && server.Sessions.IsConnected("CP1"); i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.False(server.Sessions.IsConnected("CP1"));
        Assert.InRange(DateTime.UtcNow - started, interval, (2 * interval) + TimeSpan.FromMilliseconds(300));
        Assert.False(channel!.IsOpen);
        await Assert.ThrowsAsync<StationDisconnectedException>(() => channel.CallRawAsync("Reset", System.Text.Json.JsonElement.Parse("{}"), cancellationToken: Ct));
    }

    [Fact]
    public async Task A_station_that_answers_pings_stays_connected()
    {
        await using var server = await OcppTestServer.StartAsync(new() { ["Ocpp:PingInterval"] = "00:00:01" });
        server.Admission.Stations["CP1"] = null;
        using var client = await server.ConnectAsync("CP1");

        // ClientWebSocket answers pings while a receive is pending.
        var receive = client.ReceiveTextAsync();
        await Task.Delay(3500, Ct);

        Assert.False(receive.IsCompleted);
        Assert.True(server.Sessions.IsConnected("CP1"));
    }
}
