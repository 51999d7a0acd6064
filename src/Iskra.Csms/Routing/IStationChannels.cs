using System.Diagnostics.CodeAnalysis;

namespace Iskra.Csms.Routing;

/// <summary>
/// Finds the live <see cref="IStationChannel"/> of a connected station: the outbound half of the
/// message path. A multi-node deployment gives this a second implementation.
/// </summary>
public interface IStationChannels
{
    bool TryGetChannel(string stationId, [NotNullWhen(true)] out IStationChannel? channel);
}
