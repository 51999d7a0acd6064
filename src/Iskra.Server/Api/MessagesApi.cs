using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// <c>GET /api/stations/{id}/messages</c>: the station's OCPP traffic log, both directions, newest first; <c>from</c> and
/// <c>to</c> (exclusive) limit it to a period (an alarm's <c>frames</c> link uses them).
/// </summary>
public static class MessagesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/messages", ListAsync).WithTags("Stations").WithName("ListStationMessages")
            .WithSummary("The station's recent OCPP frames, in and out, newest first (kept for Csms:TrafficRetention); ?from=&to= (to exclusive)").ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<MessageView>>, ProblemHttpResult>> ListAsync(
        string id, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        if (from > to)
        {
            return TypedResults.Problem(title: "Invalid request", detail: "from must not be after to.", statusCode: 400);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Traffic.AsNoTracking().Where(t => t.StationId == id);
        if (from is { } start)
        {
            query = query.Where(t => t.Timestamp >= start);
        }

        if (to is { } end)
        {
            query = query.Where(t => t.Timestamp < end);
        }
        if (after is { } last)
        {
            query = query.Where(t => t.Id < last);
        }

        var rows = await query.OrderByDescending(t => t.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && after is null && !await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        return TypedResults.Ok(Paging.Page(rows, take, MessageView.From, t => t.Id));
    }
}
