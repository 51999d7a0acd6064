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
}
