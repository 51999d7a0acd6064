using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Iskra.Simulator.Control;

/// <summary>
/// The control API over HTTP (System.Net.HttpListener): JSON endpoints over a <see cref="SimulatorHost"/>,
/// bound to 127.0.0.1 unless told otherwise. Errors are RFC 7807 problems: 400 bad input, 404 unknown
/// station/connector/fault, 405 wrong method, 409 a physical act the station's state forbids.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    private readonly SimulatorHost _host;
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ControlServer(SimulatorHost host, HttpListener listener, Uri baseUri)
    {
        _host = host;
        _listener = listener;
        BaseUri = baseUri;
        _loop = AcceptLoopAsync();
    }

    /// <summary>Where the API answers, e.g. <c>http://127.0.0.1:8190/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Starts listening on <paramref name="port"/> (0: a free one) of <paramref name="address"/> (loopback by default).</summary>
    public static ControlServer Start(SimulatorHost host, int port, IPAddress? address = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        address ??= IPAddress.Loopback;
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port == 0 ? FreePort(address) : port;
            var authority = address.Equals(IPAddress.Any) ? "+" : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://{authority}:{chosen}/");
            try
            {
                listener.Start();
                var shown = authority == "+" ? "127.0.0.1" : authority;
                return new ControlServer(host, listener, new Uri($"http://{shown}:{chosen}/"));
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                listener.Close(); // the free port was taken meanwhile: try another
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or OperationCanceledException)
        {
            // Closed.
        }

        _stop.Dispose();
    }

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address.Equals(IPAddress.Any) ? IPAddress.Loopback : address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = ServeAsync(context);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var result = await AnswerAsync(context.Request).ConfigureAwait(false);
            response.StatusCode = result.Status;
            response.ContentType = result.ContentType;
            response.Headers["Cache-Control"] = "no-store";
            using var body = new MemoryStream();
            await result.WriteAsync(body, _stop.Token).ConfigureAwait(false);
            response.ContentLength64 = body.Length;
            body.Position = 0;
            await body.CopyToAsync(response.OutputStream, _stop.Token).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            response.Abort(); // the client went away, or we are stopping
        }
    }

    private async Task<ControlResult> AnswerAsync(HttpListenerRequest request)
    {
        var path = request.Url?.AbsolutePath ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var matched = ControlRoutes.All.Select(r => (Route: r, Values: r.Match(segments))).Where(m => m.Values is not null).ToList();
        if (matched.Count == 0)
        {
            return ControlResult.Problem(ControlProblemException.NotFound($"No endpoint {path}; docs/simulator.md lists them."));
        }

        var (route, values) = matched.FirstOrDefault(m => m.Route.Method == request.HttpMethod);
        if (route is null)
        {
            var allowed = string.Join(", ", matched.Select(m => m.Route.Method));
            return ControlResult.Problem(new ControlProblemException(405, "Method not allowed", $"{path} takes {allowed}."));
        }

        try
        {
            return await route.Handler(new ControlRequest(request, values!, _host), _stop.Token).ConfigureAwait(false);
        }
        catch (ControlProblemException problem)
        {
            return ControlResult.Problem(problem);
        }
        catch (InvalidOperationException ex)
        {
            return ControlResult.Problem(ControlProblemException.Conflict(ex.Message));
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException)
        {
            return ControlResult.Problem(ControlProblemException.BadRequest(ex.Message));
        }
#pragma warning disable CA1031 // an unexpected failure of one request is answered 500, never kills the listener
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ControlResult.Problem(new ControlProblemException(500, "Simulator error", ex.Message));
        }
    }
}
