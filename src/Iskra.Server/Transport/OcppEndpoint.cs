using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Iskra.Csms.Routing;
using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Transport;

/// <summary>
/// The OCPP-J WebSocket endpoint <c>/ocpp/{stationId}</c>: judges id and credentials before any
/// socket is opened, then the subprotocol (SPEC §2.1), then runs the station's <see cref="RpcChannel"/>.
/// </summary>
public sealed partial class OcppEndpoint(
    IStationAdmission admission,
    IStationConnectionHandler connections,
    StationSessions sessions,
    StationCertificates certificates,
    StationClaims claims,
    HandshakeGate handshakes,
    ReplacementThrottle replacements,
    FloodBudgets floodBudgets,
    IOptions<OcppServerOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<OcppEndpoint> logger)
{
    private const string UnauthorizedBody = "Unauthorized";
    private const string ReplacedText = "replaced by a new connection";
    private const string UnsupportedSubprotocolText = "unsupported subprotocol; Iskra speaks ocpp1.6, ocpp2.0.1";
    private static readonly TimeSpan CloseLinger = TimeSpan.FromSeconds(5);

    public async Task AcceptAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RespondAsync(context, StatusCodes.Status400BadRequest, "An OCPP endpoint takes WebSocket requests only.").ConfigureAwait(false);
            return;
        }

        // One address holds at most MaxHandshakesPerAddress handshakes in progress; the rest are refused before any work.
        var address = remote ?? "";
        if (!handshakes.TryEnter(address))
        {
            await admission.RecordRefusalAsync(null, remote, RefusalReason.TooManyHandshakes, context.RequestAborted).ConfigureAwait(false);
            await RespondBusyAsync(context, "Too many handshakes in progress from this address.").ConfigureAwait(false);
            return;
        }

        WebSocket? socket;
        string stationId;
        OcppVersion version;
        try
        {
            (socket, stationId, version) = await HandshakeAsync(context, remote).ConfigureAwait(false);
        }
        finally
        {
            handshakes.Exit(address);
        }

        if (socket is null)
        {
            return;
        }

        using (socket)
        {
            await RunAsync(stationId, version, remote, socket, context.Connection.ClientCertificate, options.Value, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Judges the request and opens the socket when admitted; null when refused (the refusal is sent).</summary>
    private async Task<(WebSocket? Socket, string StationId, OcppVersion Version)> HandshakeAsync(HttpContext context, string? remote)
    {
        // Judged on the raw target: the decoded, dot-normalized path could turn "a/../b" into "b".
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!StationIds.TryParseRawTarget(rawTarget, out var stationId, out var attempted))
        {
            await RefuseBadPathAsync(context, attempted ?? rawTarget).ConfigureAwait(false);
            return default;
        }

        var request = new AdmissionRequest(
            stationId,
            BasicCredentials.TryParse(context.Request.Headers.Authorization, out var user, out var password) ? user : null,
            user.Length > 0 || password.Length > 0 ? password : null,
            certificates.TrustedCommonName(context.Connection.ClientCertificate, stationId),
            context.Request.IsHttps,
            remote);
        var decision = await admission.AdmitAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (!decision.Admitted)
        {
            // Same status, header and body for every refusal: unknown id and wrong password look alike.
            await admission.RecordRefusalAsync(stationId, remote, decision.Reason, context.RequestAborted).ConfigureAwait(false);
            LogRefused(logger, stationId, remote, decision.Reason);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"OCPP\", charset=\"UTF-8\"";
            await RespondAsync(context, StatusCodes.Status401Unauthorized, UnauthorizedBody).ConfigureAwait(false);
            return default;
        }

        // SPEC §2.1: the first subprotocol of the client's list that we speak, in the client's order.
        // Judged after admission, so a client without credentials gets the 401 and never a socket.
        if (!TryChooseVersion(context.WebSockets.WebSocketRequestedProtocols, out var version))
        {
            await RefuseSubprotocolAsync(context, stationId, remote).ConfigureAwait(false);
            return default;
        }

        if (sessions.IsConnected(stationId) && !replacements.TryReplace(stationId, out var alarm))
        {
            // The live connection stays; flip-flops between two connections are refused and raise one alarm per window.
            await admission.RecordRefusalAsync(stationId, remote, RefusalReason.ReplacementThrottled, context.RequestAborted).ConfigureAwait(false);
            LogRefused(logger, stationId, remote, RefusalReason.ReplacementThrottled);
            if (alarm)
            {
                _ = RaiseFlipFlopAsync(stationId, remote);
            }

            await RespondBusyAsync(context, "The station's connection was replaced too often; try again later.").ConfigureAwait(false);
            return default;
        }

        var settings = options.Value;
        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = version.Subprotocol(),
            DangerousEnableCompression = true,
            DisableServerContextTakeover = true,
            // A ping after PingInterval of silence, its pong due within half of it: with the socket's
            // heartbeat granularity a half-open peer is dropped within two intervals (docs/decisions/001).
            KeepAliveInterval = settings.PingInterval,
            KeepAliveTimeout = settings.PingInterval / 2,
        }).ConfigureAwait(false);
        return (socket, stationId, version);
    }

    private async Task RaiseFlipFlopAsync(string stationId, string? remote)
    {
        try
        {
            await connections.OnReplacementThrottledAsync(stationId, remote, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogAlarmFailed(logger, stationId, ex);
        }
    }

    /// <summary>Refuses a path whose id breaks the rules; the attempt is recorded with the id escaped.</summary>
    public async Task RefuseBadPathAsync(HttpContext context, string? attempted)
    {
        var escaped = StationIds.Escape(attempted);
        var remote = context.Connection.RemoteIpAddress?.ToString();
        await admission.RecordRefusalAsync(escaped, remote, RefusalReason.BadPath, context.RequestAborted).ConfigureAwait(false);
        LogRefused(logger, escaped, remote, RefusalReason.BadPath);
        await RespondAsync(context, StatusCodes.Status400BadRequest, "Invalid station id.").ConfigureAwait(false);
    }

    private async Task RunAsync(string stationId, OcppVersion version, string? remote, WebSocket socket, X509Certificate2? clientCertificate, OcppServerOptions settings, CancellationToken aborted)
    {
        var connection = connections.Open(stationId, version, remote);
        var channelOptions = settings.ToChannelOptions();
        channelOptions.FloodGuard = floodBudgets.For(stationId);
        channelOptions.ReceiveGate = connections.ReceiveGate;
        var channel = new RpcChannel(socket, version, connection.Handler, connection.Observer, channelOptions, time);
        var session = new StationSession(connection, channel, time.GetUtcNow());

        // Register first, then close the old one: from here on commands reach only the new connection.
        var replaced = sessions.Register(session);
        var closingReplaced = replaced is null
            ? Task.CompletedTask
            : replaced.Channel.CloseAsync(WebSocketCloseStatus.NormalClosure, ReplacedText, CancellationToken.None);
        if (replaced is not null)
        {
            LogReplaced(logger, stationId, remote);
        }

        using var stopping = lifetime.ApplicationStopping.Register(
            static state => _ = ((RpcChannel)state!).CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "server shutting down", CancellationToken.None),
            channel);
        try
        {
            LogConnected(logger, stationId, version, remote);
            await connections.OnConnectedAsync(connection, channel, replaced?.Connection, aborted).ConfigureAwait(false);
            claims.Find(stationId)?.OnConnected(clientCertificate); // a claim (the test lab) sees the station come back, and with which certificate
            await channel.RunAsync(aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogConnectionFailed(logger, stationId, ex);
            await channel.CloseAsync(WebSocketCloseStatus.InternalServerError, "internal error", CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            sessions.Unregister(session);
            await channel.DisposeAsync().ConfigureAwait(false);
            await connections.OnDisconnectedAsync(connection, CancellationToken.None).ConfigureAwait(false);
            await closingReplaced.ConfigureAwait(false);
            var closeStatus = socket.CloseStatus;
            LogDisconnected(logger, stationId, closeStatus);
        }
    }

    private static Task RespondBusyAsync(HttpContext context, string body)
    {
        context.Response.Headers.RetryAfter = "10";
        return RespondAsync(context, StatusCodes.Status429TooManyRequests, body);
    }

    /// <summary>
    /// OCPP-J 1.6 §3.2, 2.0.1 part 4 §3.2: a handshake offering no subprotocol we speak (or none at all)
    /// MUST be completed without a Sec-WebSocket-Protocol header and the connection closed at once.
    /// Nothing of it is served: no station session, no message read.
    /// </summary>
    private async Task RefuseSubprotocolAsync(HttpContext context, string stationId, string? remote)
    {
        await admission.RecordRefusalAsync(stationId, remote, RefusalReason.BadSubprotocol, context.RequestAborted).ConfigureAwait(false);
        LogRefused(logger, stationId, remote, RefusalReason.BadSubprotocol);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext()).ConfigureAwait(false);
        using var linger = new CancellationTokenSource(CloseLinger, time);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(linger.Token, context.RequestAborted);
        try
        {
            // CloseAsync sends our close frame and waits (at most CloseLinger) for the client's.
            await socket.CloseAsync(WebSocketCloseStatus.ProtocolError, UnsupportedSubprotocolText, both.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or did not answer the close: the connection ends here either way.
        }
    }

    private static bool TryChooseVersion(IList<string> offered, out OcppVersion version)
    {
        foreach (var subprotocol in offered)
        {
            if (OcppVersions.TryParseSubprotocol(subprotocol, out version))
            {
                return true;
            }
        }

        version = default;
        return false;
    }

    private static Task RespondAsync(HttpContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {StationId} connected with OCPP {Version} from {RemoteAddress}")]
    private static partial void LogConnected(ILogger logger, string stationId, OcppVersion version, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {StationId} disconnected ({CloseStatus})")]
    private static partial void LogDisconnected(ILogger logger, string stationId, WebSocketCloseStatus? closeStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {StationId} from {RemoteAddress} replaced its previous connection")]
    private static partial void LogReplaced(ILogger logger, string stationId, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused handshake of {StationId} from {RemoteAddress}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string stationId, string? remoteAddress, RefusalReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection flip-flop alarm of station {StationId} could not be stored")]
    private static partial void LogAlarmFailed(ILogger logger, string stationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The connection of station {StationId} failed")]
    private static partial void LogConnectionFailed(ILogger logger, string stationId, Exception exception);
}
