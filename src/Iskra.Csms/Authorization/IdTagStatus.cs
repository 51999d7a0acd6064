namespace Iskra.Csms.Authorization;

/// <summary>The status Iskra keeps for an id tag; <see cref="Invalid"/> is also the answer for unknown ones.</summary>
public enum IdTagStatus
{
    Accepted,
    Blocked,
    Expired,
    Invalid,
    ConcurrentTx,
}
