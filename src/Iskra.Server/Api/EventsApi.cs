using System.Globalization;
using System.Text;
using Iskra.Csms.Access;
using Iskra.Csms.Events;
using Microsoft.AspNetCore.Http.Features;

namespace Iskra.Server.Api;

/// <summary>
/// <c>GET /api/events?stationId=</c>: the live event feed as server-sent events. Each event is
/// <c>id: sequence</c>, <c>event: type</c>, <c>data: {"type","stationId","timestamp","data"}</c>; a
/// comment line keeps idle connections open (every <c>Events:HeartbeatSeconds</c>, default 15).
/// A client that comes back with <c>Last-Event-ID</c> (or <c>?lastEventId=</c>) first gets the kept
/// events it missed, then live ones; when some are no longer kept, an <c>event: reset</c> comes first.
/// A client too slow for the feed loses events too: it gets an <c>event: reset</c> before the next one it
/// receives. Streams are capped in total and per API key (<c>Events:MaxStreams</c>, <c>Events:MaxStreamsPerKey</c>); over a cap, 429.
/// </summary>
public static class EventsApi
{
    public const double DefaultHeartbeatSeconds = 15;

    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/events", StreamAsync)
            .WithName("StreamEvents").WithTags("Events")
            .WithSummary("Live events as server-sent events")
            .WithDescription("Station, transaction, alarm, command, firmware, log and reservation events. Filter with ?stationId=. Resume with the Last-Event-ID header or ?lastEventId=: the missed events come first; 'event: reset' says some were no longer kept.")
            .Produces<EventMessage>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> StreamAsync(string? stationId, string? lastEventId, HttpContext context, CsmsEvents events, EventStreamSlots slots, IConfiguration configuration, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        var key = context.Items.TryGetValue(typeof(ApiCaller), out var caller) && caller is ApiCaller known ? known.KeyId : "";
        if (!slots.TryEnter(key))
        {
            context.Response.Headers.RetryAfter = "10";
            return TypedResults.Problem(
                title: "Too many event streams",
                detail: "The server or this API key has as many event streams open as allowed (Events:MaxStreams, Events:MaxStreamsPerKey).",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        try
        {
            await WriteStreamAsync(stationId, lastEventId, context, events, configuration, lifetime, time).ConfigureAwait(false);
        }
        finally
        {
            slots.Exit(key);
        }

        return TypedResults.Empty;
    }

    private static async Task WriteStreamAsync(string? stationId, string? lastEventId, HttpContext context, CsmsEvents events, IConfiguration configuration, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        // Cache-Control: no-store, as every /api answer (SecurityHeaders).
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The stream ends when the client leaves or the server stops (or shutdown would wait for it).
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = ending.Token;
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Events:HeartbeatSeconds", DefaultHeartbeatSeconds));

        var filter = string.IsNullOrEmpty(stationId) ? null : stationId;
        var resume = context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header ? header : lastEventId;
        long? after = null;
        if (!string.IsNullOrEmpty(resume))
        {
            // An id that is not one of ours counts as older than every kept event: the client gets a reset.
            after = long.TryParse(resume, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        }

        using var subscription = events.SubscribeResumable(filter, after, out var replay);
        using var heartbeat = new PeriodicTimer(interval, time);
        try
        {
            // A first comment, so the client sees the stream open before any event.
            await response.Body.WriteAsync(": connected\n\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            var last = long.MinValue;
            if (replay is not null)
            {
                if (!replay.Complete)
                {
                    await response.Body.WriteAsync(Reset(filter, after!.Value, replay.OldestKept, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                }

                foreach (var e in replay.Events)
                {
                    await response.Body.WriteAsync(Frame(e), cancellationToken).ConfigureAwait(false);
                    last = e.Sequence;
                }
            }

            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            var delivered = last == long.MinValue ? (after ?? subscription.StartSequence) : last;
            var reader = subscription.Reader;
            var tick = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
            var ready = reader.WaitToReadAsync(cancellationToken).AsTask();
            while (true)
            {
                if (await Task.WhenAny(tick, ready).ConfigureAwait(false) == tick)
                {
                    await tick.ConfigureAwait(false);
                    await response.Body.WriteAsync(Heartbeat, cancellationToken).ConfigureAwait(false);
                    tick = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
                }
                else
                {
                    if (!await ready.ConfigureAwait(false))
                    {
                        return;
                    }

                    while (subscription.TryTake(out var e, out var afterLoss))
                    {
                        if (e.Sequence <= last)
                        {
                            continue; // already replayed (the feed hands over without overlap; this only guards it)
                        }

                        if (afterLoss)
                        {
                            // Events before this one were dropped while the client was slow: it reloads its state.
                            await response.Body.WriteAsync(Reset(filter, delivered, e.Sequence, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                        }

                        await response.Body.WriteAsync(Frame(e), cancellationToken).ConfigureAwait(false);
                        delivered = e.Sequence;
                    }

                    ready = reader.WaitToReadAsync(cancellationToken).AsTask();
                }

                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left or the server is stopping: the subscription ends with this request.
        }
    }

    /// <summary>
    /// <c>event: reset</c>, without an id: events after <paramref name="after"/> are no longer all kept,
    /// so the client should reload the state it shows from the REST endpoints.
    /// </summary>
    private static byte[] Reset(string? stationId, long after, long oldestKept, DateTimeOffset now)
    {
        var data = new ResetData(after, oldestKept);
        var json = System.Text.Json.JsonSerializer.Serialize(new ResetMessage("reset", stationId, now, data), ApiJsonContext.Default.ResetMessage);
        return Encoding.UTF8.GetBytes($"event: reset\ndata: {json}\n\n");
    }

    /// <summary>One SSE event: the JSON has no raw line breaks, so it fits one <c>data:</c> line.</summary>
    private static byte[] Frame(CsmsEvent e)
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"id: {e.Sequence}\nevent: {e.Type}\ndata: ");
        var json = EventMessage.Utf8(e);
        var frame = new byte[Encoding.UTF8.GetByteCount(head) + json.Length + 2];
        var written = Encoding.UTF8.GetBytes(head, frame);
        json.CopyTo(frame, written);
        frame[^2] = (byte)'\n';
        frame[^1] = (byte)'\n';
        return frame;
    }
}
