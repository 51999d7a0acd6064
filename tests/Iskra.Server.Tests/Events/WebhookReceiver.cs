using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iskra.Server.Tests.Events;

/// <summary>
/// A real HTTP receiver on 127.0.0.1:0 (a small Kestrel app) that records every POST. It can fail
/// the first requests with 500, or hang every request until the test ends (a dead receiver).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly CancellationTokenSource _stop = new();
    private int _toFail;
    private int _arrivals;

    private WebhookReceiver(int failFirst, bool hang)
    {
        _toFail = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _arrivals);
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            if (hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(503);
            }

            var failed = Interlocked.Decrement(ref _toFail) >= 0;
            _received.Writer.TryWrite(new ReceivedWebhook(
                context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray(), failed));
            return failed ? Results.StatusCode(500) : Results.NoContent();
        });
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>From now on every request is answered 204 (a receiver back from an outage).</summary>
    public void Heal() => Volatile.Write(ref _toFail, 0);

    /// <summary>Requests that reached the handler, including hanging ones.</summary>
    public int Arrivals => Volatile.Read(ref _arrivals);

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0, bool hang = false)
    {
        var receiver = new WebhookReceiver(failFirst, hang);
        await receiver._app.StartAsync(TestContext.Current.CancellationToken);
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hook");
        return receiver;
    }

    /// <summary>The next request received (answered or failed on purpose).</summary>
    public async Task<ReceivedWebhook> NextAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Patience);
        return await _received.Reader.ReadAsync(limit.Token);
    }

    /// <summary>The next request that was answered 204, skipping those failed on purpose and events not of <paramref name="type"/> (when given).</summary>
    public async Task<ReceivedWebhook> NextDeliveredAsync(string? type = null)
    {
        while (true)
        {
            var request = await NextAsync();
            if (!request.FailedOnPurpose && (type is null || request.EventType == type))
            {
                return request;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stop.Dispose();
    }
}
