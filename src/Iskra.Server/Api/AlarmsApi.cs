using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// <c>/api/alarms</c>: faults, newest first (<c>?stationId=&amp;acknowledged=</c>), and their acknowledgement
/// by an operator. Acknowledging twice is harmless: the first acknowledgement (who, when) stays.
/// </summary>
public static class AlarmsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var alarms = api.MapGroup("/alarms").WithTags("Alarms");
        alarms.MapGet("/", ListAsync).WithName("ListAlarms").WithSummary("Alarms, newest first; ?stationId=&acknowledged=").ProducesProblem(400);
        alarms.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(ApiPolicies.Operator).WithName("AcknowledgeAlarm")
            .WithSummary("Acknowledge an alarm (records the API key's name)").ProducesProblem(404);
    }

    private static async Task<Ok<ItemPage<AlarmView>>> ListAsync(
        string? stationId, bool? acknowledged, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Alarms.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(a => a.StationId == stationId);
        }

        if (acknowledged is { } done)
        {
            query = done ? query.Where(a => a.AcknowledgedAt != null) : query.Where(a => a.AcknowledgedAt == null);
        }

        if (after is { } last)
        {
            query = query.Where(a => a.Id < last);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, AlarmView.From, a => a.Id));
    }

    private static async Task<Results<Ok<AlarmView>, ProblemHttpResult>> AcknowledgeAsync(
        long id, HttpContext context, IDbContextFactory<IskraDbContext> contexts, CsmsEvents events, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var alarm = await db.Alarms.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (alarm is null)
        {
            return TypedResults.Problem(title: "Unknown alarm", detail: $"No alarm {id}.", statusCode: 404);
        }

        if (alarm.AcknowledgedAt is null)
        {
            alarm.AcknowledgedAt = time.GetUtcNow();
            alarm.AcknowledgedBy = ApiCallers.Of(context).Actor;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            events.AlarmAcknowledged(alarm);
        }

        return TypedResults.Ok(AlarmView.From(alarm));
    }
}
