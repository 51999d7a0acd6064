using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary><c>GET /api/audit</c>: the commands and raw calls API users sent, newest first (admin only).</summary>
public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/audit", ListAsync).RequireAuthorization(ApiPolicies.Admin).WithTags("Audit").WithName("ListAudit")
            .WithSummary("Commands and raw OCPP calls with who sent them and the station's answer; newest first; ?stationId=").ProducesProblem(400);
    }

    private static async Task<Ok<ItemPage<AuditView>>> ListAsync(
        string? stationId, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Audit.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(a => a.StationId == stationId);
        }

        if (after is { } last)
        {
            query = query.Where(a => a.Id < last);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, AuditView.From, a => a.Id));
    }
}
