using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Rpc;

namespace Iskra.Server.Transport;

/// <summary>
/// The live connection of each station. A newer admitted connection replaces the older one
/// (SPEC §2.1), so commands always reach exactly one connection.
/// </summary>
public sealed class StationSessions : IStationChannels
{
    private readonly ConcurrentDictionary<string, StationSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public bool IsConnected(string stationId) => _sessions.ContainsKey(stationId);

    /// <summary>The station's live connection; null when it is not connected.</summary>
    public StationSession? Find(string stationId) => _sessions.GetValueOrDefault(stationId);

    public bool TryGet(string stationId, [NotNullWhen(true)] out StationSession? session) =>
        _sessions.TryGetValue(stationId, out session);

    public bool TryGetChannel(string stationId, [NotNullWhen(true)] out IStationChannel? channel)
    {
        channel = _sessions.TryGetValue(stationId, out var session) ? session.Outbound : null;
        return channel is not null;
    }

    /// <summary>The ids of the connected stations, at the moment of the call.</summary>
    public IReadOnlyCollection<string> StationIds => [.. _sessions.Keys];

    /// <summary>Makes <paramref name="session"/> the station's connection; returns the one it replaced, which the caller closes.</summary>
    public StationSession? Register(StationSession session)
    {
        while (true)
        {
            if (_sessions.TryGetValue(session.StationId, out var existing))
            {
                if (_sessions.TryUpdate(session.StationId, session, existing))
                {
                    return existing;
                }
            }
            else if (_sessions.TryAdd(session.StationId, session))
            {
                return null;
            }
        }
    }

    /// <summary>Removes the session only while it is still the registered one (a replaced session leaves its successor alone).</summary>
    public bool Unregister(StationSession session) =>
        _sessions.TryRemove(new KeyValuePair<string, StationSession>(session.StationId, session));
}
