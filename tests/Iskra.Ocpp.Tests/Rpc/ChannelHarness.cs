using System.Collections.Concurrent;
using System.Text;
using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp.Tests.Rpc;

/// <summary>An RpcChannel running on the server end of a real WebSocket pair, and the station end to drive it.</summary>
internal sealed class ChannelHarness : IAsyncDisposable
{
    private readonly WebSocketPair _pair;

    private ChannelHarness(WebSocketPair pair, RpcChannel channel, RecordingObserver observer)
    {
        _pair = pair;
        Channel = channel;
        Observer = observer;
        Station = new StationEnd(pair.Client);
        Run = channel.RunAsync(CancellationToken.None);
    }

    public RpcChannel Channel { get; }

    public RecordingObserver Observer { get; }

    public StationEnd Station { get; }

    /// <summary>The channel's RunAsync.</summary>
    public Task Run { get; }

    public static async Task<ChannelHarness> StartAsync(
        Func<RpcCall, CancellationToken, ValueTask<RpcReply>>? handle = null,
        OcppVersion version = OcppVersion.V16,
        Action<RpcChannelOptions>? configure = null)
    {
        var options = new RpcChannelOptions { CloseTimeout = TimeSpan.FromSeconds(2) };
        configure?.Invoke(options);
        var pair = await WebSocketPair.ConnectAsync();
        var observer = new RecordingObserver();
        var handler = new DelegateHandler(handle ?? ((_, _) => ValueTask.FromResult(RpcReply.Result(System.Text.Json.JsonElement.Parse("{}")))));
        var channel = new RpcChannel(pair.Server, version, handler, observer, options, TimeProvider.System);
        return new ChannelHarness(pair, channel, observer);
    }

    public async ValueTask DisposeAsync()
    {
        _pair.Client.Abort();
        await Run.WaitAsync(TimeSpan.FromSeconds(10));
        await Channel.DisposeAsync();
        _pair.Dispose();
    }

    internal sealed class DelegateHandler(Func<RpcCall, CancellationToken, ValueTask<RpcReply>> handle) : IRpcCallHandler
    {
        public ValueTask<RpcReply> HandleAsync(RpcCall request, CancellationToken cancellationToken) => handle(request, cancellationToken);
    }

    internal sealed class RecordingObserver : IRpcObserver
    {
        public ConcurrentQueue<(RpcFrameDirection Direction, string Text)> Frames { get; } = new();

        public ConcurrentQueue<string> Problems { get; } = new();

        public ConcurrentQueue<Exception> HandlerFailures { get; } = new();

        public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame) =>
            Frames.Enqueue((direction, Encoding.UTF8.GetString(utf8Frame)));

        public void OnProtocolProblem(string description) => Problems.Enqueue(description);

        public void OnHandlerFailed(RpcCall request, Exception exception) => HandlerFailures.Enqueue(exception);
    }
}
