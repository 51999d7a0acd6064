using Iskra.Csms.Stations;
using Iskra.Ocpp;

namespace Iskra.Csms.Routing;

/// <summary>What a handler knows of the station whose CALL it answers. One per connection.</summary>
public sealed class StationContext(string stationId, OcppVersion version)
{
    public string StationId { get; } = stationId;

    public OcppVersion Version { get; } = version;

    /// <summary>The registration status as of the last BootNotification or the connection's start.</summary>
    public RegistrationState? Registration { get; set; }
}
