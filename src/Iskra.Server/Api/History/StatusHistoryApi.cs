using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api.History;

/// <summary>
/// <c>GET /api/stations/{id}/status-history</c>: every StatusNotification of the station, newest first;
/// <c>?evseId=&amp;connectorId=&amp;status=&amp;from=&amp;to=</c>, the period on the station's timestamp.
/// </summary>
public static class StatusHistoryApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/status-history", ListAsync).WithTags("History").WithName("ListStationStatusHistory")
            .WithSummary("The station's connector statuses as reported, newest first; ?evseId=&connectorId=&status=&from=&to=").ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<StatusEventView>>, ProblemHttpResult>> ListAsync(
        string id, int? evseId, int? connectorId, string? status, string? from, string? to, int? limit, string? cursor,
        IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var (start, end) = HistoryPeriod.Bounds(from, to);
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.StatusEvents.AsNoTracking().Where(e => e.StationId == id);
        if (evseId is { } evse)
        {
            query = query.Where(e => e.EvseId == evse);
        }

        if (connectorId is { } connector)
        {
            query = query.Where(e => e.ConnectorId == connector);
        }

        if (status is not null)
        {
            query = query.Where(e => e.Status == status);
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

        return TypedResults.Ok(Paging.Page(rows, take, StatusEventView.From, e => e.Id));
    }
}
