using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary><c>GET /api/stations/{id}/messages</c>: the station's OCPP traffic log, both directions, newest first.</summary>
public static class MessagesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/messages", ListAsync).WithTags("Stations").WithName("ListStationMessages")
            .WithSummary("The station's recent OCPP frames, in and out, newest first (kept for Csms:TrafficRetention)").ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<MessageView>>, ProblemHttpResult>> ListAsync(
        string id, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Traffic.AsNoTracking().Where(t => t.StationId == id);
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
