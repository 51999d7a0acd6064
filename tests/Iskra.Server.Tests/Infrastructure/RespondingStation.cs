using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>
/// A station that answers the CSMS: a real ClientWebSocket under Iskra's own <see cref="RpcChannel"/>
/// (station side). Every CALL it receives is recorded and checked against the official request
/// schema; it answers what the test scripted per action (a payload, a CALLERROR, a delay or silence),
/// and it can send its own CALLs (BootNotification, StartTransaction, ...).
/// </summary>
public sealed class RespondingStation : IAsyncDisposable, IRpcCallHandler
{
    private readonly ClientWebSocket _socket;
    private readonly RpcChannel _channel;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<JsonElement, Task<RpcReply?>>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedCall> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    private RespondingStation(ClientWebSocket socket, OcppVersion version)
    {
        _socket = socket;
        Version = version;
        _channel = new RpcChannel(socket, version, this, null, new RpcChannelOptions { MaxMessagesPerSecond = 100000, MessageBurst = 100000, MaxFrameBytes = 4 << 20 }, TimeProvider.System);
        _loop = _channel.RunAsync(_stop.Token);
    }

    public OcppVersion Version { get; }

    /// <summary>Every CALL received from the CSMS, in order.</summary>
    public IReadOnlyList<ReceivedCall> Received => [.. _received];

    public static async Task<RespondingStation> ConnectAsync(IskraServer server, string stationId, OcppVersion version, string? password = Seed.Password)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(version.Subprotocol());
        if (password is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{stationId}:{password}")));
        }

        await socket.ConnectAsync(server.OcppUri(stationId), TestContext.Current.CancellationToken);
        return new RespondingStation(socket, version);
    }

    /// <summary>A registered, accepted station with a new id, connected and booted.</summary>
    public static async Task<RespondingStation> StartAsync(IskraServer server, string stationId, OcppVersion version)
    {
        await server.StationAsync(stationId);
        var station = await ConnectAsync(server, stationId, version);
        await station.BootAsync();
        return station;
    }

    /// <summary>Answers every <paramref name="action"/> with <paramref name="payload"/> (a JSON object text).</summary>
    public RespondingStation Answer(string action, string payload)
    {
        var element = JsonDocument.Parse(payload).RootElement.Clone();
        _answers[action] = _ => Task.FromResult<RpcReply?>(RpcReply.Result(element));
        return this;
    }

    /// <summary>Answers <paramref name="action"/> with what <paramref name="answer"/> makes of the request.</summary>
    public RespondingStation Answer(string action, Func<JsonElement, string> answer)
    {
        _answers[action] = request => Task.FromResult<RpcReply?>(RpcReply.Result(JsonDocument.Parse(answer(request)).RootElement.Clone()));
        return this;
    }

    /// <summary>Answers <paramref name="action"/> with what <paramref name="answer"/> makes of the request, which may first send calls of its own.</summary>
    public RespondingStation AnswerAsync(string action, Func<JsonElement, Task<string>> answer)
    {
        _answers[action] = async request => RpcReply.Result(JsonDocument.Parse(await answer(request)).RootElement.Clone());
        return this;
    }

    /// <summary>Answers <paramref name="action"/> after <paramref name="delay"/>.</summary>
    public RespondingStation AnswerAfter(string action, TimeSpan delay, string payload)
    {
        var element = JsonDocument.Parse(payload).RootElement.Clone();
        _answers[action] = async _ =>
        {
            await Task.Delay(delay);
            return RpcReply.Result(element);
        };
        return this;
    }

    public RespondingStation AnswerError(string action, OcppErrorCode code, string description)
    {
        _answers[action] = _ => Task.FromResult<RpcReply?>(RpcReply.Error(code, description));
        return this;
    }

    /// <summary>Never answers <paramref name="action"/>.</summary>
    public RespondingStation Silence(string action)
    {
        _answers[action] = async _ =>
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
            return null;
        };
        return this;
    }

    /// <summary>The most recent CALL of <paramref name="action"/>, asserting it came and was schema-valid.</summary>
    public ReceivedCall Last(string action)
    {
        var call = Received.LastOrDefault(c => c.Action == action);
        Assert.True(call is not null, $"the station received no {action}; it received: {string.Join(", ", Received.Select(c => c.Action))}");
        Assert.True(call.SchemaErrors.Count == 0, $"{Version} {action} violates the official schema: {string.Join("; ", call.SchemaErrors)}\n{call.Payload}");
        return call;
    }

    /// <summary>Waits until a CALL of <paramref name="action"/> arrives (for calls the CSMS sends on its own).</summary>
    public async Task<ReceivedCall> WaitForAsync(string action, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var call = Received.LastOrDefault(c => c.Action == action);
            if (call is not null)
            {
                return Last(action);
            }

            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no {action} arrived in time");
            await _arrivals.WaitAsync(left, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Sends a CALL to the CSMS and returns its CALLRESULT payload.</summary>
    public Task<JsonElement> CallAsync(string action, string payload) =>
        _channel.CallAsync(action, JsonDocument.Parse(payload).RootElement.Clone(), TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <summary>BootNotification, accepted.</summary>
    public async Task BootAsync()
    {
        var payload = Version == OcppVersion.V16
            ? """{"chargePointVendor":"Iskra","chargePointModel":"Responder"}"""
            : """{"chargingStation":{"vendorName":"Iskra","model":"Responder"},"reason":"PowerUp"}""";
        var reply = await CallAsync("BootNotification", payload);
        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
    }

    public Task CloseAsync() => _channel.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);

    async ValueTask<RpcReply> IRpcCallHandler.HandleAsync(RpcCall request, CancellationToken cancellationToken)
    {
        var payload = request.Payload.Clone();
        var errors = await SchemaOracle.ValidateAsync(Version, request.Action, response: false, payload);
        _received.Enqueue(new ReceivedCall(request.Action, payload, errors));
        _arrivals.Release();
        if (_answers.TryGetValue(request.Action, out var answer) && await answer(payload) is { } reply)
        {
            return reply;
        }

        return RpcReply.Error(OcppErrorCode.NotSupported, $"The test did not script {request.Action}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _channel.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // already gone
        }

        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
        catch (WebSocketException)
        {
            // the server closed first
        }

        await _channel.DisposeAsync();
        _socket.Dispose();
        _stop.Dispose();
        _arrivals.Dispose();
    }
}

