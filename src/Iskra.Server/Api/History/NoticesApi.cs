using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// <c>GET /api/stations/{id}/notices?action=</c>: what the station reported outside transactions and what
/// Iskra noticed about it (station notices: status notifications, security events, ConnectionReplaced,
/// ReportChainProblem), newest first.
/// </summary>
public static class NoticesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/notices", ListAsync).WithTags("Stations").WithName("ListStationNotices")
            .WithSummary("The station's notices (reported statuses, security events, problems Iskra found), newest first; ?action=").ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<NoticeView>>, ProblemHttpResult>> ListAsync(
        string id, string? action, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Notices.AsNoTracking().Where(n => n.StationId == id);
        if (action is not null)
        {
            query = query.Where(n => n.Action == action);
        }

        if (after is { } last)
        {
            query = query.Where(n => n.Id < last);
        }

        var rows = await query.OrderByDescending(n => n.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && after is null && !await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        return TypedResults.Ok(Paging.Page(rows, take, NoticeView.From, n => n.Id));
    }
}
