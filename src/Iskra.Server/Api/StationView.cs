using System.Text.Json.Serialization;
using Iskra.Csms.Stations;

namespace Iskra.Server.Api;

/// <summary>
/// A station as SPEC §2.2 shapes it. <see cref="Connected"/> is live; <see cref="Password"/> appears
/// once, in the answer to a registration or a password change that generated it.
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

    public static StationView From(Station station, bool connected, IEnumerable<Connector> connectors)
    {
        ArgumentNullException.ThrowIfNull(station);
        return new(station.Id, station.Description, station.SecurityProfile, station.OcppVersion, connected, station.LastSeen,
            station.RegistrationStatus.ToString(), station.Vendor, station.Model, station.SerialNumber, station.FirmwareVersion,
            [.. connectors.OrderBy(c => c.EvseId).ThenBy(c => c.ConnectorId).Select(ConnectorView.From)]);
    }
}
