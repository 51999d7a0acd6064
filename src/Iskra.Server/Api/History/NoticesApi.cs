using Iskra.Csms.Reports;
using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api.History;

/// <summary>
/// <c>GET /api/stations/{id}/notices</c> and <c>GET /api/notices?stationId=</c>: what stations reported outside transactions and
/// what Iskra noticed about them (firmware, diagnostics and log statuses, security events, data transfers, ConnectionReplaced,
/// ReportChainProblem...), newest first; <c>?action=&amp;from=&amp;to=</c>, the period on the station's time (the time of
/// receipt when it gave none).
/// </summary>
public static class NoticesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/notices", ListForStationAsync).WithTags("Stations").WithName("ListStationNotices")
            .WithSummary("The station's notices (reported statuses, security events, problems Iskra found), newest first; ?action=&from=&to=").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/notices", ListAsync).WithTags("History").WithName("ListNotices")
            .WithSummary("Every station's notices, newest first; ?stationId=&action=&from=&to=").ProducesProblem(400);
    }

    /// <summary>The notices of <paramref name="stationId"/> (every station's when null) with <paramref name="action"/> in the period.</summary>
    public static IQueryable<StationNotice> Query(IskraDbContext db, string? stationId, string? action, DateTimeOffset? from, DateTimeOffset? to)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Notices.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(n => n.StationId == stationId);
        }

        if (action is not null)
        {
            query = query.Where(n => n.Action == action);
        }

        if (from is { } start)
        {
            query = query.Where(n => (n.Timestamp ?? n.ReceivedAt) >= start);
        }

        if (to is { } end)
        {
            query = query.Where(n => (n.Timestamp ?? n.ReceivedAt) < end);
        }

        return query;
    }

    private static async Task<Results<Ok<ItemPage<NoticeView>>, ProblemHttpResult>> ListForStationAsync(
        string id, string? action, string? from, string? to, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var (start, end) = HistoryPeriod.Bounds(from, to);
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Page(Query(db, id, action, start, end), after, take).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && after is null && !await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        return TypedResults.Ok(Paging.Page(rows, take, NoticeView.From, n => n.Id));
    }

    private static async Task<Ok<ItemPage<NoticeView>>> ListAsync(
        string? stationId, string? action, string? from, string? to, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var (start, end) = HistoryPeriod.Bounds(from, to);
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Page(Query(db, stationId, action, start, end), after, take).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, NoticeView.From, n => n.Id));
    }

    private static IQueryable<StationNotice> Page(IQueryable<StationNotice> query, long? after, int take) =>
        (after is { } last ? query.Where(n => n.Id < last) : query).OrderByDescending(n => n.Id).Take(take + 1);
}
