using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api.History;

/// <summary>
/// <c>GET /api/stations/{id}/meter-values</c>: the sampled values the station sent outside any transaction (a session's are
/// on <c>/api/transactions/{id}</c>), newest first; <c>?evseId=&amp;connectorId=&amp;measurand=&amp;from=&amp;to=</c>, the period on
/// the sample's timestamp.
/// </summary>
public static class MeterReadingsApi
{
    private const string DefaultMeasurand = "Energy.Active.Import.Register";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/meter-values", ListAsync).WithTags("History").WithName("ListStationMeterValues")
            .WithSummary("The station's meter values outside transactions, one row per sampled value, newest first; ?evseId=&connectorId=&measurand=&from=&to=")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<MeterReadingView>>, ProblemHttpResult>> ListAsync(
        string id, int? evseId, int? connectorId, string? measurand, string? from, string? to, int? limit, string? cursor,
        IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var (start, end) = HistoryPeriod.Bounds(from, to);
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.MeterValues.AsNoTracking().Where(m => m.StationId == id && m.TransactionDbId == null);
        if (evseId is { } evse)
        {
            query = query.Where(m => m.EvseId == evse);
        }

        if (connectorId is { } connector)
        {
            query = query.Where(m => m.ConnectorId == connector);
        }

        if (measurand is not null)
        {
            // A sample without a measurand is the default one, Energy.Active.Import.Register (1.6 §7.31, 2.0.1 SampledValueType).
            query = measurand == DefaultMeasurand ? query.Where(m => m.Measurand == measurand || m.Measurand == null) : query.Where(m => m.Measurand == measurand);
        }

        if (start is { } lower)
        {
            query = query.Where(m => m.Timestamp >= lower);
        }

        if (end is { } upper)
        {
            query = query.Where(m => m.Timestamp < upper);
        }

        if (after is { } last)
        {
            query = query.Where(m => m.Id < last);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && after is null && !await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        return TypedResults.Ok(Paging.Page(rows, take, MeterReadingView.From, m => m.Id));
    }
}
