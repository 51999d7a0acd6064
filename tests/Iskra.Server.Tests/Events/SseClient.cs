using System.Globalization;
using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>
/// A real SSE client of <c>GET /api/events</c>: HttpClient with ResponseHeadersRead, and a reader of
/// the <c>text/event-stream</c> frames. The server subscribes before it sends the headers, so once
/// <see cref="OpenAsync"/> returns, every later event reaches this stream.
/// </summary>
public sealed class SseClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpClient client, HttpResponseMessage response, StreamReader reader)
    {
        _client = client;
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Comment lines seen so far (heartbeats), without the colon.</summary>
    public List<string> Comments { get; } = [];

    /// <summary>
    /// Opens the stream; with <paramref name="lastEventId"/> it resumes, sent as the <c>Last-Event-ID</c>
    /// header or, with <paramref name="inQuery"/>, as <c>?lastEventId=</c>.
    /// </summary>
    public static async Task<SseClient> OpenAsync(IskraServer server, string? stationId = null, HttpClient? client = null, string? lastEventId = null, bool inQuery = false)
    {
        client ??= server.Api();
        var query = new List<string>();
        if (stationId is not null)
        {
            query.Add("stationId=" + Uri.EscapeDataString(stationId));
        }

        if (lastEventId is not null && inQuery)
        {
            query.Add("lastEventId=" + Uri.EscapeDataString(lastEventId));
        }

        var path = query.Count == 0 ? "/api/events" : "/api/events?" + string.Join('&', query);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (lastEventId is not null && !inQuery)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return new SseClient(client, response, new StreamReader(stream));
    }

    /// <summary>The next event (comments are collected, not returned); fails after a generous wait so a missing event cannot hang the run.</summary>
    public async Task<SseEvent> NextAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Patience);
        long? id = null;
        string? type = null;
        string? data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(limit.Token) ?? throw new InvalidOperationException("The event stream ended.");
            if (line.Length == 0)
            {
                if (type is not null)
                {
                    Assert.NotNull(data);
                    if (type == "reset")
                    {
                        Assert.Null(id); // a reset carries no id, so the client's last id stays the one it resumed from
                        return new SseEvent(0, type, JsonDocument.Parse(data).RootElement.Clone());
                    }

                    Assert.NotNull(id);
                    return new SseEvent(id.Value, type, JsonDocument.Parse(data).RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments.Add(line[1..].Trim());
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line[4..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                Assert.Null(data); // one data line per event
                data = line[6..];
            }
            else
            {
                Assert.Fail($"Unexpected SSE line: {line}");
            }
        }
    }

    /// <summary>The next event of <paramref name="type"/>, asserting that every event skipped on the way is one of <paramref name="skippable"/>.</summary>
    public async Task<SseEvent> NextOfAsync(string type, params string[] skippable)
    {
        while (true)
        {
            var e = await NextAsync();
            if (e.Type == type)
            {
                return e;
            }

            Assert.Contains(e.Type, skippable);
        }
    }

    /// <summary>Reads until a comment equal to <paramref name="comment"/> arrives.</summary>
    public async Task WaitForCommentAsync(string comment)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Patience);
        while (!Comments.Contains(comment))
        {
            var line = await _reader.ReadLineAsync(limit.Token) ?? throw new InvalidOperationException("The event stream ended.");
            if (line.StartsWith(':'))
            {
                Comments.Add(line[1..].Trim());
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
