using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp.Tests.Rpc;

/// <summary>Our CALLs to the station: one outstanding at a time, results, errors, timeouts, disconnects.</summary>
public sealed class RpcChannelOutgoingTests
{
    private static readonly JsonTypeInfo ResetType = JsonSerializerOptions.Web.GetTypeInfo(typeof(Reset));

    [Fact]
    public async Task A_call_returns_the_payload_of_its_result()
    {
        await using var h = await ChannelHarness.StartAsync();

        var call = h.Channel.CallAsync("Reset", new Reset("Soft"), ResetType, cancellationToken: Ct);
        var frame = await h.Station.ReceiveJsonAsync();
        Assert.Equal(2, frame[0].GetInt32());
        Assert.InRange(frame[1].GetString()!.Length, 1, 36);
        Assert.Equal("Reset", frame[2].GetString());
        Assert.Equal("Soft", frame[3].GetProperty("type").GetString());
        await h.Station.SendAsync($$"""[3,"{{frame[1].GetString()}}",{"status":"Accepted"}]""");

        var result = await call;
        Assert.Equal("Accepted", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_second_call_waits_until_the_first_is_answered_and_calls_go_out_in_order()
    {
        await using var h = await ChannelHarness.StartAsync();

        var first = h.Channel.CallAsync("A", JsonElement.Parse("{}"), cancellationToken: Ct);
        var second = h.Channel.CallAsync("B", JsonElement.Parse("{}"), cancellationToken: Ct);
        var third = h.Channel.CallAsync("C", JsonElement.Parse("{}"), cancellationToken: Ct);

        var a = await h.Station.ReceiveJsonAsync();
        Assert.Equal("A", a[2].GetString());
        var next = h.Station.ReceiveJsonAsync();
        Assert.NotSame(next, await Task.WhenAny(next, Task.Delay(300, Ct)));

        await h.Station.SendAsync($$"""[3,"{{a[1].GetString()}}",{"n":1}]""");
        var b = await next;
        Assert.Equal("B", b[2].GetString());
        Assert.NotEqual(a[1].GetString(), b[1].GetString());
        await h.Station.SendAsync($$"""[3,"{{b[1].GetString()}}",{"n":2}]""");
        var c = await h.Station.ReceiveJsonAsync();
        Assert.Equal("C", c[2].GetString());
        await h.Station.SendAsync($$"""[3,"{{c[1].GetString()}}",{"n":3}]""");

        Assert.Equal(1, (await first).GetProperty("n").GetInt32());
        Assert.Equal(2, (await second).GetProperty("n").GetInt32());
        Assert.Equal(3, (await third).GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task A_call_error_becomes_an_OcppCallErrorException()
    {
        await using var h = await ChannelHarness.StartAsync(version: OcppVersion.V201);

        var call = h.Channel.CallAsync("Reset", new Reset("Immediate"), ResetType, cancellationToken: Ct);
        var frame = await h.Station.ReceiveJsonAsync();
        await h.Station.SendAsync($$"""[4,"{{frame[1].GetString()}}","NotSupported","No resets here",{"reason":"x"}]""");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => call);
        Assert.Equal("NotSupported", error.ErrorCode);
        Assert.Equal(OcppErrorCode.NotSupported, error.Code);
        Assert.Equal("No resets here", error.Description);
        Assert.Equal("x", error.Details.GetProperty("reason").GetString());
        Assert.Equal("Reset", error.Action);
    }

    [Fact]
    public async Task A_call_error_with_a_code_the_version_does_not_have_keeps_its_wire_code()
    {
        await using var h = await ChannelHarness.StartAsync(version: OcppVersion.V16);

        var call = h.Channel.CallAsync("Reset", new Reset("Hard"), ResetType, cancellationToken: Ct);
        var frame = await h.Station.ReceiveJsonAsync();
        await h.Station.SendAsync($$"""[4,"{{frame[1].GetString()}}","VendorSpecificError","",{}]""");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => call);
        Assert.Equal("VendorSpecificError", error.ErrorCode);
        Assert.Null(error.Code);
    }

    [Fact]
    public async Task A_call_without_an_answer_times_out_and_its_late_result_is_ignored()
    {
        await using var h = await ChannelHarness.StartAsync();

        var call = h.Channel.CallAsync("Reset", new Reset("Soft"), ResetType, TimeSpan.FromMilliseconds(200), Ct);
        var frame = await h.Station.ReceiveJsonAsync();
        var timeout = await Assert.ThrowsAsync<OcppCallTimeoutException>(() => call);
        Assert.Equal("Reset", timeout.Action);

        await h.Station.SendAsync($$"""[3,"{{frame[1].GetString()}}",{"status":"Accepted"}]""");
        var next = h.Channel.CallAsync("Reset", new Reset("Hard"), ResetType, cancellationToken: Ct);
        var nextFrame = await h.Station.ReceiveJsonAsync();
        await h.Station.SendAsync($$"""[3,"{{nextFrame[1].GetString()}}",{"status":"Rejected"}]""");

        Assert.Equal("Rejected", (await next).GetProperty("status").GetString());
        Assert.Contains(h.Observer.Problems, p => p.Contains("unknown message id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_wait_for_an_earlier_call_counts_against_the_timeout()
    {
        await using var h = await ChannelHarness.StartAsync();

        var first = h.Channel.CallAsync("A", JsonElement.Parse("{}"), TimeSpan.FromSeconds(5), Ct);
        var second = h.Channel.CallAsync("B", JsonElement.Parse("{}"), TimeSpan.FromMilliseconds(200), Ct);
        var a = await h.Station.ReceiveJsonAsync();

        await Assert.ThrowsAsync<OcppCallTimeoutException>(() => second);
        await h.Station.SendAsync($$"""[3,"{{a[1].GetString()}}",{}]""");
        await first;
        Assert.Single(h.Observer.Frames, f => f.Direction == RpcFrameDirection.Outgoing);
    }

    [Fact]
    public async Task A_cancelled_call_throws_OperationCanceledException_not_a_timeout()
    {
        await using var h = await ChannelHarness.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var call = h.Channel.CallAsync("A", JsonElement.Parse("{}"), TimeSpan.FromSeconds(10), cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task A_disconnect_fails_the_pending_call_and_later_calls_at_once()
    {
        await using var h = await ChannelHarness.StartAsync();

        var call = h.Channel.CallAsync("A", JsonElement.Parse("{}"), cancellationToken: Ct);
        var waiting = h.Channel.CallAsync("B", JsonElement.Parse("{}"), cancellationToken: Ct);
        await h.Station.ReceiveJsonAsync();
        h.Station.Socket.Abort();

        await Assert.ThrowsAsync<StationDisconnectedException>(() => call);
        await Assert.ThrowsAsync<StationDisconnectedException>(() => waiting);
        await h.Run.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        await Assert.ThrowsAsync<StationDisconnectedException>(() => h.Channel.CallAsync("C", JsonElement.Parse("{}"), cancellationToken: Ct));
    }

    [Fact]
    public async Task Closing_the_channel_sends_the_close_status_and_fails_the_pending_call()
    {
        await using var h = await ChannelHarness.StartAsync();
        var call = h.Channel.CallAsync("A", JsonElement.Parse("{}"), cancellationToken: Ct);
        await h.Station.ReceiveJsonAsync();

        var closing = h.Channel.CloseAsync(WebSocketCloseStatus.NormalClosure, "replaced by a new connection", Ct);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await h.Station.ReceiveCloseAsync());
        Assert.Equal("replaced by a new connection", h.Station.Socket.CloseStatusDescription);
        await h.Station.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
        await closing;

        await Assert.ThrowsAsync<StationDisconnectedException>(() => call);
        await h.Run.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.False(h.Channel.IsOpen);
    }

    [Fact]
    public async Task A_station_that_does_not_answer_a_close_is_aborted()
    {
        await using var h = await ChannelHarness.StartAsync(configure: o => o.CloseTimeout = TimeSpan.FromMilliseconds(200));

        await h.Channel.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Ct);

        await h.Run.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.False(h.Channel.IsOpen);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Reset(string Type);
}
