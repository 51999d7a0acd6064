using Iskra.Csms.Routing;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Stations.V201;

public sealed class HeartbeatHandler(StationService stations) : IOcppHandler<HeartbeatRequest, HeartbeatResponse>
{
    public async ValueTask<HeartbeatResponse> HandleAsync(StationContext station, HeartbeatRequest request, CancellationToken cancellationToken) =>
        new() { CurrentTime = await stations.HeartbeatAsync(station.StationId, cancellationToken).ConfigureAwait(false) };
}
