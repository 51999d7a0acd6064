using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary><c>GET /api/connection-attempts</c>: refused handshakes, aggregated per minute (<see cref="ConnectionAttemptView"/>), newest first, optionally of one station id.</summary>
public static class ConnectionAttemptsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/connection-attempts", ListAsync).WithTags("Stations").WithName("ListConnectionAttempts")
            .WithSummary("Refused handshakes, one row per minute, address, station id and reason with a count and first/last time; newest first").ProducesProblem(400);
    }

    private static async Task<Ok<ItemPage<ConnectionAttemptView>>> ListAsync(
        string? stationId, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.ConnectionAttempts.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(a => a.StationId == stationId);
        }

        if (after is { } last)
        {
            query = query.Where(a => a.Id < last);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, ConnectionAttemptView.From, a => a.Id));
    }
}
