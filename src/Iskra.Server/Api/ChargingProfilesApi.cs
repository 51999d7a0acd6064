using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary><c>GET /api/stations/{id}/charging-profiles</c>: the profiles the station accepted and has not cleared.</summary>
public static class ChargingProfilesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/charging-profiles", ListAsync)
            .WithName("ListChargingProfiles").WithTags("Smart charging")
            .WithSummary("The charging profiles the station accepted (set-charging-profile) and has not cleared")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<ChargingProfileView>>, ProblemHttpResult>> ListAsync(
        string id, string? cursor, int? limit, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var rows = await db.ChargingProfiles.AsNoTracking()
            .Where(p => p.StationId == id && (after == null || p.Id > after))
            .OrderBy(p => p.Id).Take(take + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, ChargingProfileView.From, p => p.Id));
    }
}
