using System.Runtime.CompilerServices;
using System.Text.Json;
using Iskra.Csms.Alarms;
using Iskra.Csms.Alarms.Rules;
using Iskra.Csms.Events;
using Iskra.Csms.Integration.Passive;
using Iskra.Csms.Reports;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Csms.Telemetry;
using Iskra.Csms.Traffic;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Routing;

/// <summary>The CSMS side of each connection: a <see cref="StationContext"/>, the router as its call handler, and its traffic log.</summary>
public sealed class StationConnections(
    OcppRouter router,
    StationService stations,
    NoticeService notices,
    StorageWriter writer,
    IDbContextFactory<IskraDbContext> contexts,
    CsmsEvents events,
    AlarmBook alarms,
    TimeProvider time,
    ILogger<TrafficObserver> trafficLogger,
    CsmsMetrics metrics,
    StationClaims claims,
    PassiveFindings findings,
    StationPresence presence,
    IOptions<CsmsOptions> options) : IStationConnectionHandler
{
    /// <summary>While the storage writer is behind, connections stop reading new frames (<see cref="WriterLoad"/>).</summary>
    public IReceiveGate ReceiveGate => writer.ReceiveGate;

    public StationConnection Open(string stationId, OcppVersion version, string? remoteAddress)
    {
        var context = new StationContext(stationId, version);
        var watch = findings.Open(stationId, version);
        var handler = new Handler(router, writer, context, stations, claims, time, options.Value.LastSeenWriteInterval, watch);
        return new StationConnection(stationId, version, remoteAddress, handler, new TrafficObserver(stationId, writer, time, trafficLogger, metrics.Open(version), claims, watch))
        {
            Context = context,
        };
    }

    public async ValueTask OnConnectedAsync(StationConnection connection, RpcChannel channel, StationConnection? replaced, CancellationToken cancellationToken)
    {
        // In memory; a write only when the station's offline alarm was raised while it was away.
        await StationOfflineRule.ClearOnConnectAsync(presence, alarms, connection.StationId, connection, cancellationToken).ConfigureAwait(false);
        if (replaced is not null)
        {
            // SPEC §2.1: a connection that takes over a station's id is recorded as a security event.
            var payload = JsonSerializer.Serialize(new ConnectionReplaced(replaced.RemoteAddress, connection.RemoteAddress), CsmsJsonContext.Default.ConnectionReplaced);
            await notices.RecordAsync(connection.StationId, ConnectionReplaced.Action, null, ConnectionReplaced.Action, time.GetUtcNow(), payload, cancellationToken).ConfigureAwait(false);
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var registration = await db.Stations.Where(s => s.Id == connection.StationId)
                .Select(s => (RegistrationState?)s.RegistrationStatus)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            ((Handler)connection.Handler).Context.Registration = registration;
        }

        var handler = (Handler)connection.Handler;
        handler.ConnectionId = await stations.ConnectedAsync(connection.StationId, time.GetUtcNow(), connection.Version.DisplayName(), connection.RemoteAddress, cancellationToken).ConfigureAwait(false);
        Publish(CsmsEventTypes.StationConnected, connection);
    }

    public async ValueTask OnDisconnectedAsync(StationConnection connection, CancellationToken cancellationToken)
    {
        var handler = (Handler)connection.Handler;
        handler.Watch?.Close();
        presence.Disconnected(connection.StationId, connection, time.GetUtcNow());
        await stations.DisconnectedAsync(connection.StationId, handler.ConnectionId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Publish(CsmsEventTypes.StationDisconnected, connection);
    }

    public async ValueTask OnReplacementThrottledAsync(string stationId, string? remoteAddress, CancellationToken cancellationToken) =>
        await ConnectionFlipFlopRule.RaiseAsync(alarms, stationId, remoteAddress, cancellationToken).ConfigureAwait(false);

    private void Publish(string type, StationConnection connection)
    {
        if (events.IsWatched)
        {
            events.Publish(type, connection.StationId, new StationConnectionData(connection.Version.DisplayName(), connection.RemoteAddress), CsmsJsonContext.Default.StationConnectionData);
        }
    }

    /// <summary>
    /// Routes each CALL (to the claim's handler while the station is claimed, <see cref="StationClaims"/>), and keeps the stored lastSeen near the live one without a write per message: at most
    /// one per <paramref name="lastSeenInterval"/>, queued beside the message's own so that the storage writer
    /// commits both in one batch. Calls of one connection arrive one at a time, so the field needs no lock.
    /// Each routed CALL and its answer are shown to the connection's passive checks (<paramref name="watch"/>).
    /// </summary>
    private sealed class Handler(OcppRouter router, StorageWriter writer, StationContext context, StationService stations, StationClaims claims, TimeProvider time, TimeSpan lastSeenInterval, StationWatch? watch) : IRpcCallHandler
    {
        // Overload: refused before any work, so the writer's capacity goes to calls that can still be
        // answered in time. A CALLERROR is what a station retries (OCPP-J 1.6 §4.2.3 / 2.0.1 part 4
        // §4.2.3: InternalError, "not able to process the requested Action successfully"); its
        // transaction messages are resent per TransactionMessageAttempts/RetryInterval.
        private static readonly RpcReply Busy = RpcReply.Error(OcppErrorCode.InternalError, "The CSMS is overloaded; retry later");

        private DateTimeOffset _lastSeenWritten = time.GetUtcNow(); // the connection's opening writes it

        public StationContext Context => context;

        public StationWatch? Watch => watch;

        /// <summary>The connection's row in the connection log, once it is stored.</summary>
        public long? ConnectionId { get; set; }

        public ValueTask<RpcReply> HandleAsync(RpcCall request, CancellationToken cancellationToken)
        {
            if (claims.Find(context.StationId) is { } claim)
            {
                return claim.HandleAsync(request, cancellationToken); // nothing of it lands in the network's data
            }

            if (writer.IsOverloaded)
            {
                writer.CountShed();
                return ValueTask.FromResult(Busy);
            }

            var now = time.GetUtcNow();
            if (now - _lastSeenWritten < lastSeenInterval)
            {
                return watch is null ? router.DispatchAsync(context, request, cancellationToken) : DispatchAndWatchAsync(request, cancellationToken);
            }

            return DispatchAndTouchAsync(request, now, cancellationToken);
        }

        // Pooled: watching a call adds no allocation per message.
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<RpcReply> DispatchAndWatchAsync(RpcCall request, CancellationToken cancellationToken)
        {
            var reply = await router.DispatchAsync(context, request, cancellationToken).ConfigureAwait(false);
            watch!.OnCall(request, reply);
            return reply;
        }

        private async ValueTask<RpcReply> DispatchAndTouchAsync(RpcCall request, DateTimeOffset now, CancellationToken cancellationToken)
        {
            _lastSeenWritten = now;
            var touch = stations.TouchAsync(context.StationId, now, cancellationToken).AsTask();
            var reply = await router.DispatchAsync(context, request, cancellationToken).ConfigureAwait(false);
            await touch.ConfigureAwait(false);
            watch?.OnCall(request, reply);
            return reply;
        }
    }
}
