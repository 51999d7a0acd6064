using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Authorization.V201;

/// <summary>Maps an <see cref="AuthorizationResult"/> to the 2.0.1 IdTokenInfoType.</summary>
public static class IdTokenInfos
{
    public static IdTokenInfoType From(AuthorizationResult result) => new()
    {
        Status = result.Status switch
        {
            IdTagStatus.Accepted => AuthorizationStatusEnumType.Accepted,
            IdTagStatus.Blocked => AuthorizationStatusEnumType.Blocked,
            IdTagStatus.Expired => AuthorizationStatusEnumType.Expired,
            IdTagStatus.ConcurrentTx => AuthorizationStatusEnumType.ConcurrentTx,
            _ => AuthorizationStatusEnumType.Invalid,
        },
        CacheExpiryDateTime = result.ExpiryDate,
        GroupIdToken = result.ParentIdTag is { } parent ? new IdTokenType { IdToken = parent, Type = IdTokenEnumType.Central } : null,
    };
}
