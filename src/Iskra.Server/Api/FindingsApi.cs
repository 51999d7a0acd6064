using Iskra.Csms.Integration.Passive;
using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Iskra.TestLab.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// What the passive checks found on live traffic (docs/passive-findings.md): <c>GET /api/stations/{id}/findings</c>,
/// <c>GET /api/findings?vendor=&amp;model=&amp;check=</c> across the network (per model), and
/// <c>DELETE /api/stations/{id}/findings/{check}</c> when the operator has seen it or the station was fixed:
/// the finding comes back, as new, when it is seen again. <c>GET /api/stations/{id}/findings/report</c> and
/// <c>GET /api/findings/report?vendor=&amp;model=</c> give them in the lab's report format (HTML, JSON, JUnit XML).
/// </summary>
public static class FindingsApi
{
    /// <summary>A model's report lists the most recently seen findings up to this many (12 checks × 500 stations).</summary>
    private const int MaxModelFindings = 6000;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/findings", ListForStationAsync).WithTags("Findings").WithName("ListStationFindings")
            .WithSummary("The station's passive findings, newest first").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/findings", ListAsync).WithTags("Findings").WithName("ListFindings")
            .WithSummary("Passive findings of every station, newest first; ?vendor=&model=&check= (a model's findings)").ProducesProblem(400);
        api.MapGet("/stations/{id}/findings/report", StationReportAsync).WithTags("Findings").WithName("GetStationFieldReport")
            .WithSummary("The station's passive findings as a report for its manufacturer: " + RunReports.Summary).ProducesProblem(404).ProducesProblem(406);
        api.MapGet("/findings/report", ModelReportAsync).WithTags("Findings").WithName("GetModelFieldReport")
            .WithSummary("A model's passive findings (?vendor=&model=, both required) across its stations, as a report: " + RunReports.Summary).ProducesProblem(400).ProducesProblem(406);
        api.MapDelete("/stations/{id}/findings/{**check}", AcknowledgeAsync).RequireAuthorization(ApiPolicies.Operator).WithTags("Findings").WithName("AcknowledgeFinding")
            .WithSummary("Acknowledge (or mark fixed) a station's finding: it is removed, and comes back when seen again").ProducesProblem(404);
    }

    private static async Task<Results<Ok<ItemPage<FindingView>>, ProblemHttpResult>> ListForStationAsync(
        string id, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Findings.AsNoTracking().Where(f => f.StationId == id);
        if (after is { } last)
        {
            query = query.Where(f => f.Id < last);
        }

        var rows = await query.OrderByDescending(f => f.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && after is null && !await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        return TypedResults.Ok(Paging.Page(rows, take, FindingView.From, f => f.Id));
    }

    private static async Task<Ok<ItemPage<FindingView>>> ListAsync(
        string? vendor, string? model, string? check, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Findings.AsNoTracking();
        if (vendor is not null)
        {
            query = query.Where(f => f.Vendor == vendor);
        }

        if (model is not null)
        {
            query = query.Where(f => f.Model == model);
        }

        if (check is not null)
        {
            query = query.Where(f => f.Check == check);
        }

        if (after is { } last)
        {
            query = query.Where(f => f.Id < last);
        }

        var rows = await query.OrderByDescending(f => f.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, FindingView.From, f => f.Id));
    }

    private static async Task<IResult> StationReportAsync(
        string id, string? format, HttpRequest request, IDbContextFactory<IskraDbContext> contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        if (station is null)
        {
            return ApiProblems.UnknownStation(id);
        }

        // One row per station and check: a station has at most one per passive check.
        var rows = await db.Findings.AsNoTracking().Where(f => f.StationId == id).OrderBy(f => f.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var view = new Iskra.TestLab.Runner.StationView(station.Vendor, station.Model, station.FirmwareVersion, station.SerialNumber, station.OcppVersion ?? "?");
        return RunReports.Write(FieldReport.ForStation(id, view, rows, time.GetUtcNow()), format, request);
    }

    private static async Task<IResult> ModelReportAsync(
        string? vendor, string? model, string? format, HttpRequest request, IDbContextFactory<IskraDbContext> contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(vendor) || string.IsNullOrWhiteSpace(model))
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid query", detail: "vendor and model are both required: the report is of one model (as its stations name it in BootNotification).");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Findings.AsNoTracking().Where(f => f.Vendor == vendor && f.Model == model)
            .OrderByDescending(f => f.LastSeen).Take(MaxModelFindings).ToListAsync(cancellationToken).ConfigureAwait(false);
        var version = await db.Stations.AsNoTracking().Where(s => s.Vendor == vendor && s.Model == model && s.OcppVersion != null)
            .Select(s => s.OcppVersion).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return RunReports.Write(FieldReport.ForModel(vendor, model, version ?? "?", rows, time.GetUtcNow()), format, request);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AcknowledgeAsync(
        string id, string check, PassiveFindings findings, CancellationToken cancellationToken) =>
        await findings.AcknowledgeAsync(id, check, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Unknown finding", detail: $"Station '{Transport.StationIds.Escape(id)}' has no finding '{(check.Length > 64 ? check[..64] : check)}'.", statusCode: 404);
}
