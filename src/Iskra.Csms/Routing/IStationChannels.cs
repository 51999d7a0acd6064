using System.Diagnostics.CodeAnalysis;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Routing;

/// <summary>
/// The outbound half of the message path: the live channel of a connected station. Every CSMS call
/// (API command, raw call, lab) goes through the station's one <see cref="RpcChannel"/>, which keeps
/// one outstanding call per station. A multi-node deployment gives this a second implementation.
/// </summary>
public interface IStationChannels
{
    bool TryGetChannel(string stationId, [NotNullWhen(true)] out RpcChannel? channel);
}
