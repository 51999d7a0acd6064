using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Routing;

/// <summary>
/// One admitted station connection as the CSMS sees it: who it is, which version it speaks, the
/// handler for the CALLs it sends and the observer that logs its traffic.
/// </summary>
public sealed class StationConnection(
    string stationId,
    OcppVersion version,
    string? remoteAddress,
    IRpcCallHandler handler,
    IRpcObserver? observer)
{
    public string StationId { get; } = stationId;

    public OcppVersion Version { get; } = version;

    public string? RemoteAddress { get; } = remoteAddress;

    public IRpcCallHandler Handler { get; } = handler;

    public IRpcObserver? Observer { get; } = observer;

    /// <summary>What the handlers know of the station on this connection (its registration status), for the operator to change live.</summary>
    public StationContext? Context { get; init; }
}
