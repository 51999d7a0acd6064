using Iskra.Csms.Storage;
using Iskra.Csms.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary><c>GET /api/stations/{id}/reservations</c>: the station's reservations, newest first.</summary>
public static class ReservationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/reservations", ListAsync)
            .WithName("ListReservations").WithTags("Reservations")
            .WithSummary("The station's reservations (reserve-now), newest first, with the transaction that used each")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<ReservationView>>, ProblemHttpResult>> ListAsync(
        string id, string? cursor, int? limit, IDbContextFactory<IskraDbContext> contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var before = Paging.After(cursor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var rows = await db.Reservations.AsNoTracking()
            .Where(r => r.StationId == id && (before == null || r.Id < before))
            .OrderByDescending(r => r.Id).Take(take + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.Take(take).Select(r => (int?)r.ReservationId).ToList();
        // A reservation is used by the transaction that names it (1.6 StartTransaction, 2.0.1 TransactionEvent).
        var uses = await db.Transactions.AsNoTracking()
            .Where(t => t.StationId == id && ids.Contains(t.ReservationId))
            .Select(t => new { t.ReservationId, t.TransactionId, t.LastSeqNo, t.StartedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return TypedResults.Ok(Paging.Page(rows, take, r =>
        {
            var use = uses.Where(u => u.ReservationId == r.ReservationId).OrderBy(u => u.StartedAt).FirstOrDefault();
            var active = r.Status == "Accepted" && r.ExpiryDate > now && use is null;
            return new ReservationView(r.ReservationId, r.ConnectorId, r.IdTag, r.ParentIdTag, r.ExpiryDate, r.Status, r.Failure, r.CreatedAt, r.CancelledAt, r.EndedAt, use?.StartedAt, use is null ? null : OcppTransactionId.Of(use.TransactionId, v16: use.LastSeqNo is null), active);
        }, r => r.Id));
    }
}
