using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api.History;

/// <summary>
/// <c>GET /api/stations/{id}/boots</c>: the station's boot history (firmware versions over time), newest first;
/// <c>?firmwareVersion=&amp;from=&amp;to=</c>, the period on the time Iskra received the boot.
/// </summary>
public static class BootsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/boots", ListAsync).WithTags("History").WithName("ListStationBoots")
            .WithSummary("The station's boots with its firmware version each time, newest first; ?firmwareVersion=&from=&to=").ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<BootView>>, ProblemHttpResult>> ListAsync(
        string id, string? firmwareVersion, string? from, string? to, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var (start, end) = HistoryPeriod.Bounds(from, to);
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Boots.AsNoTracking().Where(b => b.StationId == id);
        if (firmwareVersion is not null)
        {
            query = query.Where(b => b.FirmwareVersion == firmwareVersion);
        }

        if (start is { } lower)
        {
            query = query.Where(b => b.BootedAt >= lower);
        }

        if (end is { } upper)
        {
            query = query.Where(b => b.BootedAt < upper);
        }

        if (after is { } last)
        {
            query = query.Where(b => b.Id < last);
        }

        var rows = await query.OrderByDescending(b => b.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && after is null && !await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        return TypedResults.Ok(Paging.Page(rows, take, BootView.From, b => b.Id));
    }
}
