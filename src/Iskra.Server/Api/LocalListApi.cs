using Iskra.Csms.Authorization;
using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary><c>GET /api/stations/{id}/local-list</c>: the station's Local Authorization List as Iskra last set and heard it.</summary>
public static class LocalListApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/local-list", GetAsync)
            .WithName("GetLocalList").WithTags("Authorization")
            .WithSummary("The local authorization list the station accepted (send-local-list) and the version it reported (get-local-list-version)")
            .ProducesProblem(404);
    }

    private static async Task<Results<Ok<LocalListView>, ProblemHttpResult>> GetAsync(string id, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var list = await db.LocalLists.AsNoTracking().FirstOrDefaultAsync(l => l.StationId == id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list is null
            ? new LocalListView(id, null, null, null, null, [])
            : new LocalListView(id, list.ListVersion, list.UpdatedAt, list.ReportedVersion, list.ReportedAt, LocalListService.Entries(list)));
    }
}
