using Iskra.Ocpp.Rpc;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Protocol;

/// <summary>Answers one CSMS call of one action on a station (a V16/V201 handler's HandleAsync).</summary>
internal delegate ValueTask<RpcReply> CallHandler(SimStation station, RpcCall call, CancellationToken cancellationToken);
