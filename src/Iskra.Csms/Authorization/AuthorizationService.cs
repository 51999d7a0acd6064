using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Authorization;

/// <summary>
/// Authorization (blocks C and D): looks an id tag up and answers its status. Unknown → Invalid;
/// past its expiry date → Expired; a blocked group (parent) blocks its members. Used by Authorize and
/// by every transaction start of both versions.
/// </summary>
public sealed class AuthorizationService(IDbContextFactory<IskraDbContext> contexts, TimeProvider time)
{
    /// <param name="idTag">The 1.6 idTag or 2.0.1 idToken.</param>
    /// <param name="type">The 2.0.1 IdTokenEnumType; NoAuthorization is always accepted (C01).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async ValueTask<AuthorizationResult> AuthorizeAsync(string idTag, string? type, CancellationToken cancellationToken)
    {
        if (type == "NoAuthorization")
        {
            return new AuthorizationResult(IdTagStatus.Accepted, null, null) { Known = true };
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tag = await db.IdTags.AsNoTracking().FirstOrDefaultAsync(t => t.Value == idTag, cancellationToken).ConfigureAwait(false);
        if (tag is null)
        {
            return AuthorizationResult.Unknown;
        }

        var status = tag.Status;
        if (status == IdTagStatus.Accepted && tag.ExpiryDate is { } expiry && expiry <= time.GetUtcNow())
        {
            status = IdTagStatus.Expired;
        }

        if (status == IdTagStatus.Accepted && tag.ParentIdTag is { } parentId && parentId != tag.Value)
        {
            var parent = await db.IdTags.AsNoTracking().FirstOrDefaultAsync(t => t.Value == parentId, cancellationToken).ConfigureAwait(false);
            if (parent is { Status: IdTagStatus.Blocked })
            {
                status = IdTagStatus.Blocked;
            }
        }

        return new AuthorizationResult(status, tag.ExpiryDate, tag.ParentIdTag) { Known = true };
    }
}
