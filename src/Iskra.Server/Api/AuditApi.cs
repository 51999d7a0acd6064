using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// <c>GET /api/audit</c>: the commands and raw calls API users sent, and the administration they did (keys,
/// stations, station passwords, webhooks, id tags), newest first (admin only).
/// </summary>
public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/audit", ListAsync).RequireAuthorization(ApiPolicies.Admin).WithTags("Audit").WithName("ListAudit")
            .WithSummary("Commands, raw OCPP calls and administration with who did them; newest first; ?stationId=, ?kind=command|admin, ?command=, ?target=")
            .ProducesProblem(400);
    }

    private static async Task<Ok<ItemPage<AuditView>>> ListAsync(
        string? stationId, string? kind, string? command, string? target, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts,
        CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Audit.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(a => a.StationId == stationId);
        }

        query = kind switch
        {
            null => query,
            "command" => query.Where(a => a.Target == null),
            "admin" => query.Where(a => a.Target != null),
            _ => throw new BadHttpRequestException("kind must be command or admin."),
        };
        if (command is not null)
        {
            query = query.Where(a => a.Command == command);
        }

        if (target is not null)
        {
            query = query.Where(a => a.Target == target);
        }

        if (after is { } last)
        {
            query = query.Where(a => a.Id < last);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, AuditView.From, a => a.Id));
    }
}
