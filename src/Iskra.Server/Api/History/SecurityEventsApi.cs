using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api.History;

/// <summary>
/// <c>GET /api/stations/{id}/security-events</c> and <c>GET /api/security-events?stationId=</c>: the SecurityEventNotifications
/// stations sent, newest first; <c>?type=&amp;from=&amp;to=</c>, the period on the station's timestamp.
/// </summary>
public static class SecurityEventsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/security-events", ListForStationAsync).WithTags("History").WithName("ListStationSecurityEvents")
            .WithSummary("The station's security events, newest first; ?type=&from=&to=").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/security-events", ListAsync).WithTags("History").WithName("ListSecurityEvents")
            .WithSummary("Every station's security events, newest first; ?stationId=&type=&from=&to=").ProducesProblem(400);
    }

    private static async Task<Results<Ok<ItemPage<SecurityEventView>>, ProblemHttpResult>> ListForStationAsync(
        string id, string? type, string? from, string? to, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var page = await ReadAsync(id, type, from, to, limit, cursor, contexts, cancellationToken).ConfigureAwait(false);
        return page is null ? ApiProblems.UnknownStation(id) : TypedResults.Ok(page);
    }

    private static async Task<Ok<ItemPage<SecurityEventView>>> ListAsync(
        string? stationId, string? type, string? from, string? to, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(stationId, type, from, to, limit, cursor, contexts, cancellationToken).ConfigureAwait(false) ?? new([], null));

    // Null when a station's first page is empty because it is not registered (stationId given).
    private static async Task<ItemPage<SecurityEventView>?> ReadAsync(
        string? stationId, string? type, string? from, string? to, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var (start, end) = HistoryPeriod.Bounds(from, to);
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = NoticesApi.Query(db, stationId, SecurityEventView.Action, start, end);
        if (type is not null)
        {
            query = query.Where(n => n.Status == type);
        }

        if (after is { } last)
        {
            query = query.Where(n => n.Id < last);
        }

        var rows = await query.OrderByDescending(n => n.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 && after is null && stationId is not null && !await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken).ConfigureAwait(false)
            ? null
            : Paging.Page(rows, take, SecurityEventView.From, n => n.Id);
    }
}
