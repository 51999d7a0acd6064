namespace Iskra.Csms.Stations;

/// <summary>Why a handshake was refused; recorded with every refused connection attempt.</summary>
public enum RefusalReason
{
    None,
    UnknownStation,
    BadCredentials,
    BadSubprotocol,
    BadPath,
    Tls,
    RateLimited,

    /// <summary>Too many handshakes of one address in progress at once.</summary>
    TooManyHandshakes,

    /// <summary>The station's live connection was replaced too often in a short time.</summary>
    ReplacementThrottled,
}
