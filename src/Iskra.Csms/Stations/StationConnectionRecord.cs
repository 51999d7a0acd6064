namespace Iskra.Csms.Stations;

/// <summary>One connection of a station, from its handshake to its close: the connection log that availability is measured by.</summary>
public sealed class StationConnectionRecord
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public DateTimeOffset ConnectedAt { get; set; }

    /// <summary>Null while connected. A connection that Iskra never saw close (it was stopped hard) ends when the station was last seen.</summary>
    public DateTimeOffset? DisconnectedAt { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>"1.6" or "2.0.1".</summary>
    public required string OcppVersion { get; set; }
}
