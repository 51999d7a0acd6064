using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api.History;

/// <summary>
/// <c>GET /api/stations/{id}/notify-events</c>: the station's 2.0.1 NotifyEvent records (also monitoring events), newest
/// first; <c>?component=&amp;variable=&amp;from=&amp;to=</c>, the period on the event's timestamp.
/// </summary>
public static class NotifyEventsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/notify-events", ListAsync).WithTags("History").WithName("ListStationNotifyEvents")
            .WithSummary("The station's NotifyEvent records, newest first; ?component=&variable=&from=&to=").ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<NotifyEventView>>, ProblemHttpResult>> ListAsync(
        string id, string? component, string? variable, string? from, string? to, int? limit, string? cursor,
        IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var (start, end) = HistoryPeriod.Bounds(from, to);
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Events.AsNoTracking().Where(e => e.StationId == id);
        if (component is not null)
        {
            query = query.Where(e => e.Component == component);
        }

        if (variable is not null)
        {
            query = query.Where(e => e.Variable == variable);
        }

        if (start is { } lower)
        {
            query = query.Where(e => e.Timestamp >= lower);
        }

        if (end is { } upper)
        {
            query = query.Where(e => e.Timestamp < upper);
        }

        if (after is { } last)
        {
            query = query.Where(e => e.Id < last);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && after is null && !await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        return TypedResults.Ok(Paging.Page(rows, take, NotifyEventView.From, e => e.Id));
    }
}
