using System.Text.Json.Serialization;
using Iskra.Csms.Stations;
using Iskra.Server.Transport;

namespace Iskra.Server.Api;

/// <summary>
/// A station as SPEC §2.2 shapes it. <see cref="Connected"/> is live, and so is <see cref="LastSeen"/> while
/// the station is connected: its last message of any kind (the stored value is written at most every
/// <c>Csms:LastSeenWriteInterval</c>). <see cref="Password"/> appears once, in the answer to a registration
/// or a password change that generated it.
/// </summary>
public sealed record StationView(
    string Id,
    string? Description,
    int SecurityProfile,
    string? OcppVersion,
    bool Connected,
    DateTimeOffset? LastSeen,
    string RegistrationStatus,
    string? Vendor,
    string? Model,
    string? SerialNumber,
    string? FirmwareVersion,
    IReadOnlyList<ConnectorView> Connectors)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Password { get; init; }

    /// <summary>The view of <paramref name="station"/>; <paramref name="session"/> is its live connection, if any.</summary>
    public static StationView From(Station station, StationSession? session, IEnumerable<Connector> connectors)
    {
        ArgumentNullException.ThrowIfNull(station);
        var lastSeen = session?.Channel.LastReceivedAt is { } live && (station.LastSeen is null || live > station.LastSeen) ? live : station.LastSeen;
        return new(station.Id, station.Description, station.SecurityProfile, station.OcppVersion, session is not null, lastSeen,
            station.RegistrationStatus.ToString(), station.Vendor, station.Model, station.SerialNumber, station.FirmwareVersion,
            [.. connectors.OrderBy(c => c.EvseId).ThenBy(c => c.ConnectorId).Select(ConnectorView.From)]);
    }
}
