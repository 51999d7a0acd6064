using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iskra.Server.Tests.Simulator.Offline;

/// <summary>
/// A scriptable CSMS on loopback for what the real Iskra never does: answer a transaction message
/// with a CALLERROR, drop a healthy connection, send an action no station knows. It accepts every
/// station, answers every CALL minimally and records what it received, in order.
/// </summary>
public sealed class FakeCsms : IAsyncDisposable, IRpcCallHandler
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeCsmsCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTimeOffset> _connectedAt = new();
    private readonly OcppVersion _version;
    private WebSocket? _socket;
    private RpcChannel? _channel;
    private int _connections;
    private int _transactionIds;

    private FakeCsms(WebApplication app, OcppVersion version)
    {
        _app = app;
        _version = version;
    }

    /// <summary>The OCPP endpoint without the station id, for <c>StationOptions.CsmsUrl</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>WebSocket connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>When each connection was accepted, in order.</summary>
    public IReadOnlyList<DateTimeOffset> ConnectedAt => [.. _connectedAt];

    /// <summary>Drops the connection at each BootNotification instead of answering it, as a CSMS that crashes on it does.</summary>
    public bool DropsAtBoot { get; set; }

    /// <summary>Every CALL received from stations, in order (answered with a CALLERROR or not).</summary>
    public IReadOnlyList<FakeCsmsCall> Calls => [.. _calls];

    public static async Task<FakeCsms> StartAsync(OcppVersion version)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var csms = new FakeCsms(app, version);
        app.UseWebSockets();
        app.Map("/ocpp/{id}", csms.AcceptAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        csms.Url = new Uri(new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal)), "/ocpp");
        return csms;
    }

    public IReadOnlyList<FakeCsmsCall> CallsOf(string action) => [.. _calls.Where(c => c.Action == action)];

    /// <summary>The next <paramref name="times"/> CALLs of <paramref name="action"/> are answered with an InternalError CALLERROR.</summary>
    public void FailNext(string action, int times) => _failures[action] = times;

    /// <summary>Drops the current connection without a close handshake, as a crashing CSMS or a broken network does.</summary>
    public void DropConnection() => _socket?.Abort();

    /// <summary>Sends a CALL to the connected station and returns its CALLRESULT payload.</summary>
    public Task<JsonElement> CallAsync(string action, string payload)
    {
        var channel = _channel ?? throw new InvalidOperationException("No station is connected.");
        return channel.CallAsync(action, JsonDocument.Parse(payload).RootElement.Clone(), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        DropConnection();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    ValueTask<RpcReply> IRpcCallHandler.HandleAsync(RpcCall request, CancellationToken cancellationToken)
    {
        _calls.Enqueue(new FakeCsmsCall(DateTimeOffset.UtcNow, request.MessageId, request.Action, request.Payload.Clone()));
        if (DropsAtBoot && request.Action == "BootNotification")
        {
            DropConnection();
        }

        var failing = false;
        _failures.AddOrUpdate(request.Action, 0, (_, left) =>
        {
            failing = left > 0;
            return Math.Max(0, left - 1);
        });
        if (failing)
        {
            return ValueTask.FromResult(RpcReply.Error(OcppErrorCode.InternalError, "Scripted failure."));
        }

        using var answer = JsonDocument.Parse(Answer(request.Action));
        return ValueTask.FromResult(RpcReply.Result(answer.RootElement.Clone()));
    }

    private string Answer(string action)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return action switch
        {
            "BootNotification" => $$"""{"currentTime":"{{now}}","interval":300,"status":"Accepted"}""",
            "Heartbeat" => $$"""{"currentTime":"{{now}}"}""",
            "Authorize" when _version == OcppVersion.V16 => """{"idTagInfo":{"status":"Accepted"}}""",
            "Authorize" => """{"idTokenInfo":{"status":"Accepted"}}""",
            "StartTransaction" => $$$"""{"transactionId":{{{Interlocked.Increment(ref _transactionIds)}}},"idTagInfo":{"status":"Accepted"}}""",
            _ => "{}",
        };
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(_version.Subprotocol());
        var channel = new RpcChannel(socket, _version, this, null, new RpcChannelOptions { MaxMessagesPerSecond = 100_000, MessageBurst = 100_000, MaxFrameBytes = 4 << 20 }, TimeProvider.System);
        _socket = socket;
        _channel = channel;
        _connectedAt.Enqueue(DateTimeOffset.UtcNow);
        Interlocked.Increment(ref _connections);
        try
        {
            await channel.RunAsync(context.RequestAborted);
        }
        finally
        {
            await channel.DisposeAsync();
        }
    }
}
