using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp.Tests.Rpc;

/// <summary>CALLs from the station, bad frames and the limits of the receive loop.</summary>
public sealed class RpcChannelIncomingTests
{
    [Fact]
    public async Task Calls_are_answered_one_at_a_time_in_the_order_they_arrived()
    {
        var running = 0;
        var overlapped = false;
        await using var h = await ChannelHarness.StartAsync(async (call, ct) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(call.MessageId == "1" ? 150 : 10, ct);
            Interlocked.Decrement(ref running);
            return RpcReply.Result(JsonElement.Parse($$"""{"echo":"{{call.Action}}"}"""));
        });

        await h.Station.SendAsync("""[2,"1","First",{}]""");
        await h.Station.SendAsync("""[2,"2","Second",{}]""");
        await h.Station.SendAsync("""[2,"3","Third",{}]""");

        Assert.Equal("""[3,"1",{"echo":"First"}]""", await h.Station.ReceiveAsync());
        Assert.Equal("""[3,"2",{"echo":"Second"}]""", await h.Station.ReceiveAsync());
        Assert.Equal("""[3,"3",{"echo":"Third"}]""", await h.Station.ReceiveAsync());
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_handler_exception_is_answered_with_InternalError_and_no_details_of_it()
    {
        await using var h = await ChannelHarness.StartAsync((_, _) => throw new InvalidOperationException("connection string secret"));

        await h.Station.SendAsync("""[2,"9","Heartbeat",{}]""");

        var answer = await h.Station.ReceiveAsync();
        Assert.StartsWith("""[4,"9","InternalError",""", answer, StringComparison.Ordinal);
        Assert.EndsWith(",{}]", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", answer, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(Assert.Single(h.Observer.HandlerFailures));
    }

    [Theory]
    [InlineData(OcppVersion.V16, "FormationViolation")]
    [InlineData(OcppVersion.V201, "FormatViolation")]
    public async Task An_OcppException_is_answered_with_its_code_spelled_for_the_version(OcppVersion version, string wire)
    {
        await using var h = await ChannelHarness.StartAsync(
            (_, _) => throw new OcppException(OcppErrorCode.FormatViolation, "idTag is missing", JsonElement.Parse("""{"path":"$.idTag"}""")),
            version);

        await h.Station.SendAsync("""[2,"a1","Authorize",{}]""");

        Assert.Equal($$"""[4,"a1","{{wire}}","idTag is missing",{"path":"$.idTag"}]""", await h.Station.ReceiveAsync());
    }

    [Fact]
    public async Task A_reply_error_from_the_handler_is_sent_as_its_call_error()
    {
        await using var h = await ChannelHarness.StartAsync((_, _) => ValueTask.FromResult(RpcReply.Error(OcppErrorCode.NotImplemented, "Unknown action")), OcppVersion.V201);

        await h.Station.SendAsync("""[2,"x","Frobnicate",{}]""");

        Assert.Equal("""[4,"x","NotImplemented","Unknown action",{}]""", await h.Station.ReceiveAsync());
    }

    [Theory]
    [InlineData(OcppVersion.V16, "not json", """[4,"-1","ProtocolError",""")]
    [InlineData(OcppVersion.V201, "not json", """[4,"-1","RpcFrameworkError",""")]
    [InlineData(OcppVersion.V201, """[7,"m1",{}]""", """[4,"m1","MessageTypeNotSupported",""")]
    [InlineData(OcppVersion.V16, """[2,"m2","Heartbeat"]""", """[4,"m2","ProtocolError",""")]
    public async Task A_malformed_frame_is_answered_and_the_connection_stays_usable(OcppVersion version, string bad, string expectedStart)
    {
        await using var h = await ChannelHarness.StartAsync(version: version);

        await h.Station.SendAsync(bad);
        Assert.StartsWith(expectedStart, await h.Station.ReceiveAsync(), StringComparison.Ordinal);

        await h.Station.SendAsync("""[2,"ok","Heartbeat",{}]""");
        Assert.Equal("""[3,"ok",{}]""", await h.Station.ReceiveAsync());
        Assert.True(h.Channel.IsOpen);
        Assert.NotEmpty(h.Observer.Problems);
    }

    [Fact]
    public async Task A_result_with_an_unknown_id_is_ignored_and_never_answered()
    {
        await using var h = await ChannelHarness.StartAsync();

        await h.Station.SendAsync("""[3,"nobody-asked",{}]""");
        await h.Station.SendAsync("""[4,"nobody-asked-either","GenericError","",{}]""");
        await h.Station.SendAsync("""[3,"broken"]""");
        await h.Station.SendAsync("""[2,"next","Heartbeat",{}]""");

        Assert.Equal("""[3,"next",{}]""", await h.Station.ReceiveAsync());
        Assert.Equal(3, h.Observer.Problems.Count);
    }

    [Fact]
    public async Task A_message_in_several_fragments_is_assembled()
    {
        await using var h = await ChannelHarness.StartAsync((call, _) => ValueTask.FromResult(RpcReply.Result(call.Payload)));
        var text = $$"""[2,"f","DataTransfer",{"vendorId":"V","data":"{{new string('z', 10_000)}}"}]""";
        var bytes = Encoding.UTF8.GetBytes(text);

        await h.Station.Socket.SendAsync(bytes.AsMemory(0, 5), WebSocketMessageType.Text, false, Ct);
        await h.Station.Socket.SendAsync(bytes.AsMemory(5, 6000), WebSocketMessageType.Text, false, Ct);
        await h.Station.Socket.SendAsync(bytes.AsMemory(6005), WebSocketMessageType.Text, true, Ct);

        var answer = await h.Station.ReceiveJsonAsync();
        Assert.Equal(10_000, answer[2].GetProperty("data").GetString()!.Length);
    }

    [Fact]
    public async Task The_observer_sees_every_frame_in_both_directions_and_the_time_of_the_last_one()
    {
        await using var h = await ChannelHarness.StartAsync();
        var before = DateTimeOffset.UtcNow;

        await h.Station.SendAsync("""[2,"o1","Heartbeat",{}]""");
        await h.Station.ReceiveAsync();
        await h.Station.SendAsync("garbage");
        await h.Station.ReceiveAsync();

        Assert.Equal(
            [
                (RpcFrameDirection.Incoming, """[2,"o1","Heartbeat",{}]"""),
                (RpcFrameDirection.Outgoing, """[3,"o1",{}]"""),
                (RpcFrameDirection.Incoming, "garbage"),
                (RpcFrameDirection.Outgoing, """[4,"-1","ProtocolError","The frame is not valid JSON.",{}]"""),
            ],
            h.Observer.Frames);
        Assert.True(h.Channel.LastReceivedAt >= before.AddMilliseconds(-1));
    }

    [Fact]
    public async Task A_frame_over_the_limit_closes_with_1009()
    {
        await using var h = await ChannelHarness.StartAsync(configure: o => o.MaxFrameBytes = 1024);

        await h.Station.SendAsync($$"""[2,"big","DataTransfer",{"data":"{{new string('z', 2000)}}"}]""");

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await h.Station.ReceiveCloseAsync());
        await h.Run.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.False(h.Channel.IsOpen);
    }

    [Fact]
    public async Task A_frame_exactly_at_the_limit_is_accepted()
    {
        await using var h = await ChannelHarness.StartAsync(configure: o => o.MaxFrameBytes = 1024);
        var prefix = "[2,\"ok\",\"DataTransfer\",{\"data\":\"";
        var text = prefix + new string('z', 1024 - prefix.Length - 3) + "\"}]";
        Assert.Equal(1024, Encoding.UTF8.GetByteCount(text));

        await h.Station.SendAsync(text);

        Assert.Equal("""[3,"ok",{}]""", await h.Station.ReceiveAsync());
    }

    [Fact]
    public async Task A_binary_frame_closes_with_1003()
    {
        await using var h = await ChannelHarness.StartAsync();

        await h.Station.SendBytesAsync("[2,\"b\",\"Heartbeat\",{}]"u8.ToArray(), WebSocketMessageType.Binary);

        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, await h.Station.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_flood_closes_with_1008()
    {
        await using var h = await ChannelHarness.StartAsync(configure: o =>
        {
            o.MaxMessagesPerSecond = 1;
            o.MessageBurst = 5;
        });

        for (var i = 0; i < 10; i++)
        {
            await h.Station.SendAsync($$"""[2,"{{i}}","Heartbeat",{}]""");
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await h.Station.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_close_from_the_station_ends_the_run()
    {
        await using var h = await ChannelHarness.StartAsync();

        await h.Station.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Ct);

        await h.Run.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(WebSocketState.Closed, h.Station.Socket.State);
        Assert.False(h.Channel.IsOpen);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
