using System.Text.Json;
using Iskra.Csms;
using Iskra.Csms.Alarms;
using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api.Alarms;

/// <summary>
/// <c>/api/alarms</c>: alarms newest first, filtered by station, kind, severity, open or cleared, acknowledged, period;
/// one alarm; acknowledging it (the first acknowledgement stays) and its note. <c>/api/stations/{id}/maintenance-windows</c>:
/// the windows in which the station's alarms are silenced. Operator rights for every change; the rules are in
/// <see cref="AlarmDesk"/>.
/// </summary>
public static class AlarmsApi
{
    private static readonly string[] NoteFields = ["note"];
    private static readonly string[] WindowFields = ["from", "until", "reason"];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var alarms = api.MapGroup("/alarms").WithTags("Alarms");
        alarms.MapGet("/", ListAsync).WithName("ListAlarms")
            .WithSummary("Alarms, newest first; ?stationId=&kind=&severity=&open=&acknowledged=&from=&to= (from/to on openedAt, to exclusive)").ProducesProblem(400);
        alarms.MapGet("/{alarmId:long}", GetAsync).WithName("GetAlarm").WithSummary("One alarm").ProducesProblem(404);
        alarms.MapPost("/{alarmId:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(ApiPolicies.Operator).WithName("AcknowledgeAlarm")
            .WithSummary("Acknowledge an alarm (records the caller); an optional body {note} sets its note").Accepts<AlarmNote>("application/json")
            .ProducesProblem(400).ProducesProblem(404);
        alarms.MapPut("/{alarmId:long}/note", NoteAsync).RequireAuthorization(ApiPolicies.Operator).WithName("SetAlarmNote")
            .WithSummary("Set an alarm's note {note}; an empty note removes it").Accepts<AlarmNote>("application/json").ProducesProblem(400).ProducesProblem(404);

        var windows = api.MapGroup("/stations/{id}/maintenance-windows").WithTags("Alarms");
        windows.MapGet("/", WindowsAsync).WithName("ListMaintenanceWindows").WithSummary("The station's current and future maintenance windows").ProducesProblem(404);
        windows.MapPost("/", OpenWindowAsync).RequireAuthorization(ApiPolicies.Operator).WithName("OpenMaintenanceWindow")
            .WithSummary("Silence the station's alarms {from?, until, reason?}: they are kept, not notified").Accepts<NewMaintenanceWindow>("application/json")
            .ProducesProblem(400).ProducesProblem(404);
        windows.MapDelete("/{windowId:long}", CloseWindowAsync).RequireAuthorization(ApiPolicies.Operator).WithName("CloseMaintenanceWindow")
            .WithSummary("End a maintenance window").ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<AlarmView>>, ProblemHttpResult>> ListAsync(
        string? stationId, string? kind, string? severity, bool? open, bool? acknowledged, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor,
        IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        if (from > to)
        {
            return Invalid("from must not be after to.");
        }

        if (kind is not null && !AlarmKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            return Invalid($"kind must be one of {string.Join(", ", AlarmKinds.All)}.");
        }

        string? level = null;
        if (severity is not null && (level = AlarmSeverity.Parse(severity)) is null)
        {
            return Invalid($"severity must be one of {string.Join(", ", AlarmSeverity.All)}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Alarms.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(a => a.StationId == stationId);
        }

        if (kind is not null)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (level is not null)
        {
            query = query.Where(a => a.Severity == level);
        }

        if (open is { } isOpen)
        {
            query = isOpen ? query.Where(a => a.ClearedAt == null) : query.Where(a => a.ClearedAt != null);
        }

        if (acknowledged is { } done)
        {
            query = done ? query.Where(a => a.AcknowledgedAt != null) : query.Where(a => a.AcknowledgedAt == null);
        }

        if (from is { } start)
        {
            query = query.Where(a => a.OpenedAt >= start);
        }

        if (to is { } end)
        {
            query = query.Where(a => a.OpenedAt < end);
        }

        if (after is { } last)
        {
            query = query.Where(a => a.Id < last);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, AlarmView.From, a => a.Id));
    }

    private static async Task<Results<Ok<AlarmView>, ProblemHttpResult>> GetAsync(long alarmId, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var alarm = await db.Alarms.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alarmId, cancellationToken).ConfigureAwait(false);
        return alarm is null ? Unknown(alarmId) : TypedResults.Ok(AlarmView.From(alarm));
    }

    private static async Task<Results<Ok<AlarmView>, ProblemHttpResult>> AcknowledgeAsync(
        long alarmId, HttpContext context, AlarmDesk desk, CancellationToken cancellationToken)
    {
        string? note = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var (text, problem) = await ReadNoteAsync(context, required: false, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            note = text;
        }

        var alarm = await desk.AcknowledgeAsync(alarmId, ApiCallers.Of(context).Actor, note, cancellationToken).ConfigureAwait(false);
        return alarm is null ? Unknown(alarmId) : TypedResults.Ok(AlarmView.From(alarm));
    }

    private static async Task<Results<Ok<AlarmView>, ProblemHttpResult>> NoteAsync(long alarmId, HttpContext context, AlarmDesk desk, CancellationToken cancellationToken)
    {
        var (note, problem) = await ReadNoteAsync(context, required: true, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var alarm = await desk.NoteAsync(alarmId, ApiCallers.Of(context).Actor, note!, cancellationToken).ConfigureAwait(false);
        return alarm is null ? Unknown(alarmId) : TypedResults.Ok(AlarmView.From(alarm));
    }

    private static async Task<(string? Note, ProblemHttpResult? Problem)> ReadNoteAsync(HttpContext context, bool required, CancellationToken cancellationToken)
    {
        var json = await RequestBodies.ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (json.ValueKind != JsonValueKind.Object)
        {
            return (null, Invalid("The body must be a JSON object {note}."));
        }

        if (ExpectedFields.FirstUnknown(json, NoteFields) is { } unknown)
        {
            return (null, Invalid(ExpectedFields.Describe(unknown, NoteFields)));
        }

        if (!json.TryGetProperty("note", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? (null, Invalid("note is required (an empty string removes the note).")) : (null, null);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return (null, Invalid("note must be a string."));
        }

        var note = value.GetString()!;
        return note.Length > AlarmDesk.MaxNote ? (null, Invalid($"note must be at most {AlarmDesk.MaxNote} characters.")) : (note, null);
    }

    private static async Task<Results<Ok<ItemPage<MaintenanceWindowView>>, ProblemHttpResult>> WindowsAsync(
        string id, AlarmDesk desk, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        if (!await StationExistsAsync(contexts, id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var windows = await desk.WindowsAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ItemPage<MaintenanceWindowView>([.. windows.Select(MaintenanceWindowView.Of)], null));
    }

    private static async Task<Results<Created<MaintenanceWindowView>, ProblemHttpResult>> OpenWindowAsync(
        string id, HttpContext context, AlarmDesk desk, IDbContextFactory<IskraDbContext> contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        var json = await RequestBodies.ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (json.ValueKind != JsonValueKind.Object)
        {
            return Invalid("The body must be a JSON object {from?, until, reason?}.");
        }

        if (ExpectedFields.FirstUnknown(json, WindowFields) is { } unknown)
        {
            return Invalid(ExpectedFields.Describe(unknown, WindowFields));
        }

        NewMaintenanceWindow? body;
        try
        {
            body = json.Deserialize(ApiJsonContext.Default.NewMaintenanceWindow);
        }
        catch (JsonException e)
        {
            return Invalid($"The body does not have the maintenance window's shape: {e.Message}");
        }

        var now = time.GetUtcNow();
        if (body?.Until is not { } until)
        {
            return Invalid("until is required (an ISO 8601 date and time).");
        }

        if (until <= (body.From ?? now))
        {
            return Invalid("until must be after from (and after now when from is not given).");
        }

        if (until <= now)
        {
            return Invalid("until must be in the future.");
        }

        if (body.Reason is { Length: > 500 })
        {
            return Invalid("reason must be at most 500 characters.");
        }

        if (!await StationExistsAsync(contexts, id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var window = await desk.OpenWindowAsync(id, body.From, until, body.Reason, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/stations/{Uri.EscapeDataString(id)}/maintenance-windows/{window.Id}", MaintenanceWindowView.Of(window));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CloseWindowAsync(
        string id, long windowId, HttpContext context, AlarmDesk desk, CancellationToken cancellationToken) =>
        await desk.CloseWindowAsync(id, windowId, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Unknown maintenance window", detail: $"Station {id} has no maintenance window {windowId}.", statusCode: 404);

    private static async Task<bool> StationExistsAsync(IDbContextFactory<IskraDbContext> contexts, string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
    }

    private static ProblemHttpResult Unknown(long id) => TypedResults.Problem(title: "Unknown alarm", detail: $"No alarm {id}.", statusCode: 404);

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(title: "Invalid request", detail: detail, statusCode: 400);
}
