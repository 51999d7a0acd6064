using Iskra.Csms.History;
using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api.History;

/// <summary>
/// Status durations and availability over a period (<c>?from=&amp;to=</c>; to defaults to now, from to 30 days before it, at
/// most 366 days), computed by <see cref="StationHistory"/>: <c>GET /api/stations/{id}/status-durations</c>,
/// <c>GET /api/stations/{id}/availability</c>, and <c>GET /api/availability?stationId=</c> for every station, paged by id.
/// </summary>
public static class AvailabilityApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/status-durations", DurationsAsync).WithTags("History").WithName("GetStationStatusDurations")
            .WithSummary("How long each connector was in each status over ?from=&to= (default: the last 30 days)").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/stations/{id}/availability", StationAsync).WithTags("History").WithName("GetStationAvailability")
            .WithSummary("The station's and each connector's uptime percentage and outages over ?from=&to= (default: the last 30 days)").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/availability", ListAsync).WithTags("History").WithName("ListAvailability")
            .WithSummary("Every station's availability over ?from=&to= (default: the last 30 days), paged by station id; ?stationId=").ProducesProblem(400);
    }

    private static async Task<Results<Ok<StatusDurationsView>, ProblemHttpResult>> DurationsAsync(
        string id, string? from, string? to, StationHistory history, TimeProvider time, CancellationToken cancellationToken)
    {
        var period = HistoryPeriod.Range(from, to, time.GetUtcNow());
        var timelines = await history.ReadAsync(id, period, cancellationToken).ConfigureAwait(false);
        return timelines is null ? ApiProblems.UnknownStation(id) : TypedResults.Ok(StatusDurationsView.Of(timelines));
    }

    private static async Task<Results<Ok<AvailabilityView>, ProblemHttpResult>> StationAsync(
        string id, string? from, string? to, StationHistory history, TimeProvider time, CancellationToken cancellationToken)
    {
        var period = HistoryPeriod.Range(from, to, time.GetUtcNow());
        var timelines = await history.ReadAsync(id, period, cancellationToken).ConfigureAwait(false);
        return timelines is null ? ApiProblems.UnknownStation(id) : TypedResults.Ok(AvailabilityView.Of(timelines));
    }

    private static async Task<Ok<ItemPage<AvailabilityView>>> ListAsync(
        string? stationId, string? from, string? to, int? limit, string? cursor, StationHistory history, IDbContextFactory<IskraDbContext> contexts,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var period = HistoryPeriod.Range(from, to, time.GetUtcNow());
        var take = Paging.Limit(limit);
        var after = Paging.AfterText(cursor);
        List<string> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var query = db.Stations.AsNoTracking().Select(s => s.Id);
            if (stationId is not null)
            {
                query = query.Where(s => s == stationId);
            }

            if (after is not null)
            {
                query = query.Where(s => string.Compare(s, after) > 0);
            }

            ids = await query.OrderBy(s => s).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var views = new List<AvailabilityView>(ids.Count);
        foreach (var id in ids.Take(take))
        {
            // A station deleted since the id was read is left out.
            if (await history.ReadAsync(id, period, cancellationToken).ConfigureAwait(false) is { } timelines)
            {
                views.Add(AvailabilityView.Of(timelines));
            }
        }

        return TypedResults.Ok(new ItemPage<AvailabilityView>(views, ids.Count > take ? Cursors.Encode(ids[take - 1]) : null));
    }
}
