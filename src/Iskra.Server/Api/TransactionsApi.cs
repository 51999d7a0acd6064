using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// <c>/api/transactions</c>: sessions newest first (by Iskra's id, the order they were recorded),
/// filtered by station, card, card group (the charging history of each), active, and a range of
/// <c>startedAt</c>; the single one with its meter values.
/// </summary>
public static class TransactionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var transactions = api.MapGroup("/transactions").WithTags("Transactions");
        transactions.MapGet("/", ListAsync).WithName("ListTransactions")
            .WithSummary("Sessions, newest first; ?stationId=&idTag=&idTagGroup=&active=&from=&to= (from/to on startedAt, to exclusive)").ProducesProblem(400);
        transactions.MapGet("/{id:long}", GetAsync).WithName("GetTransaction").WithSummary("One session with its meter values").ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<TransactionView>>, ProblemHttpResult>> ListAsync(
        string? stationId, string? idTag, string? idTagGroup, bool? active, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor,
        IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        if (from > to)
        {
            return TypedResults.Problem(title: "Invalid time range", detail: "from must not be after to.", statusCode: 400);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Transactions.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(t => t.StationId == stationId);
        }

        if (idTag is not null)
        {
            query = query.Where(t => t.IdTag == idTag);
        }

        if (idTagGroup is not null)
        {
            query = query.Where(t => t.IdTagGroup == idTagGroup);
        }

        if (active is { } running)
        {
            query = running ? query.Where(t => t.StoppedAt == null) : query.Where(t => t.StoppedAt != null);
        }

        if (from is { } start)
        {
            var utc = start.ToUniversalTime();
            query = query.Where(t => t.StartedAt >= utc);
        }

        if (to is { } end)
        {
            var utc = end.ToUniversalTime();
            query = query.Where(t => t.StartedAt < utc);
        }

        if (after is { } last)
        {
            query = query.Where(t => t.Id < last);
        }

        var rows = await query.OrderByDescending(t => t.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, TransactionView.From, t => t.Id));
    }

    private static async Task<Results<Ok<TransactionView>, ProblemHttpResult>> GetAsync(long id, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tx = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
        if (tx is null)
        {
            return TypedResults.Problem(title: "Unknown transaction", detail: $"No transaction {id}.", statusCode: 404);
        }

        var values = await db.MeterValues.AsNoTracking().Where(v => v.TransactionDbId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(TransactionView.From(tx) with { MeterValues = MeterValueView.Group(values) });
    }
}
