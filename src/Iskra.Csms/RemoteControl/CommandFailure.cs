namespace Iskra.Csms.RemoteControl;

/// <summary>Why a command was not sent. The API maps each to one HTTP status.</summary>
public enum CommandFailure
{
    /// <summary>No station with that id is registered (404).</summary>
    UnknownStation,

    /// <summary>No command or OCPP action of that name (404).</summary>
    UnknownCommand,

    /// <summary>The station has no live connection (409).</summary>
    NotConnected,

    /// <summary>The command has no meaning on the station's OCPP version (422).</summary>
    NotOnVersion,

    /// <summary>The command is not allowed while the station is Pending (409; OCPP 1.6 §4.2).</summary>
    StationPending,

    /// <summary>The station is Rejected: the CSMS initiates no message to it (1.6 §4.2, 2.0.1 B03.FR.03) (409).</summary>
    StationRejected,

    /// <summary>The caller's role may not send this (403): a station password needs an admin key.</summary>
    Forbidden,

    /// <summary>The body is not what the command needs, or the payload it makes violates the official schema (400).</summary>
    InvalidBody,

    /// <summary>The station is claimed by a test-lab run: the lab is its CSMS until the run ends (409).</summary>
    Claimed,

    /// <summary>Iskra lacks a setting the command needs, e.g. a public base URL for file URLs (422).</summary>
    NotConfigured,
}
