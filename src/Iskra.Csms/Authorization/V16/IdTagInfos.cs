using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Authorization.V16;

/// <summary>Maps an <see cref="AuthorizationResult"/> to the 1.6 IdTagInfo.</summary>
public static class IdTagInfos
{
    public static IdTagInfo From(AuthorizationResult result) => new()
    {
        Status = result.Status switch
        {
            IdTagStatus.Accepted => AuthorizationStatus.Accepted,
            IdTagStatus.Blocked => AuthorizationStatus.Blocked,
            IdTagStatus.Expired => AuthorizationStatus.Expired,
            IdTagStatus.ConcurrentTx => AuthorizationStatus.ConcurrentTx,
            _ => AuthorizationStatus.Invalid,
        },
        ExpiryDate = result.ExpiryDate,
        ParentIdTag = result.ParentIdTag,
    };
}
