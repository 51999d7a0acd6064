using Iskra.Csms.Access;
using Iskra.Csms.Storage;
using Iskra.Csms.Tariffs;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api.Billing;

/// <summary>
/// <c>/api/cdrs</c>: charge detail records in the order they were issued, filtered by the session's end
/// (<c>from</c>/<c>to</c>), station, card or card group; as JSON pages, CSV (<c>Accept: text/csv</c> or
/// <c>?format=csv</c>) or OCPI 2.2.1 CDR objects (<c>?format=ocpi</c>). CSV and OCPI pages name the next page
/// in a <c>Link: &lt;...&gt;; rel="next"</c> header, as OCPI paginates.
/// </summary>
public static class CdrsApi
{
    /// <summary>The largest page of an export (CSV, OCPI): records are small, and a period is read in few pages.</summary>
    public const int MaxExportLimit = 5000;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var cdrs = api.MapGroup("/cdrs").WithTags("Charge detail records");
        cdrs.MapGet("/", ListAsync).WithName("ListCdrs")
            .WithSummary("Charge detail records, oldest first; ?from=&to= (on the session's end, to exclusive)&stationId=&idTag=&idTagGroup=&format=json|csv|ocpi")
            .Produces<ItemPage<CdrView>>().Produces(200, contentType: "text/csv").ProducesProblem(400);
        cdrs.MapGet("/{id:long}", GetAsync).WithName("GetCdr").WithSummary("One charge detail record; ?format=ocpi for the OCPI 2.2.1 CDR").ProducesProblem(404);
        cdrs.MapPost("/{cdrId:long}/corrections", CorrectAsync).RequireAuthorization(ApiPolicies.Admin).WithName("CorrectCdr")
            .WithSummary("Price the session again (optionally with another tariff) and issue a record that replaces this one")
            .Accepts<CdrCorrection>("application/json").Produces<CdrView>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> ListAsync(
        DateTimeOffset? from, DateTimeOffset? to, string? stationId, string? idTag, string? idTagGroup, string? format, int? limit, string? cursor,
        HttpContext context, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var kind = CdrFormats.Of(format, context.Request);
        var take = kind == CdrFormat.Json ? Paging.Limit(limit) : limit is null ? MaxExportLimit : limit is >= 1 and <= MaxExportLimit ? limit.Value
            : throw new BadHttpRequestException($"limit must be 1 to {MaxExportLimit} for an export.");
        var after = Paging.After(cursor);
        if (from > to)
        {
            return TypedResults.Problem(title: "Invalid time range", detail: "from must not be after to.", statusCode: 400);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Cdrs.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(c => c.StationId == stationId);
        }

        if (idTag is not null)
        {
            query = query.Where(c => c.IdTag == idTag);
        }

        if (idTagGroup is not null)
        {
            query = query.Where(c => c.IdTagGroup == idTagGroup);
        }

        if (from is { } start)
        {
            var utc = start.ToUniversalTime();
            query = query.Where(c => c.StoppedAt >= utc);
        }

        if (to is { } end)
        {
            var utc = end.ToUniversalTime();
            query = query.Where(c => c.StoppedAt < utc);
        }

        if (after is { } last)
        {
            query = query.Where(c => c.Id > last);
        }

        var rows = await query.OrderBy(c => c.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (kind == CdrFormat.Json)
        {
            return TypedResults.Ok(Paging.Page(rows, take, CdrView.From, c => c.Id));
        }

        var next = rows.Count > take ? Cursors.Encode(rows[take - 1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return CdrFormats.Export(kind, rows.Take(take).ToList(), next, context.Request);
    }

    private static async Task<IResult> GetAsync(long id, string? format, HttpContext context, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var kind = CdrFormats.Of(format, context.Request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var cdr = await db.Cdrs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        return cdr is null ? Unknown(id)
            : kind == CdrFormat.Json ? TypedResults.Ok(CdrView.From(cdr))
            : CdrFormats.One(kind, cdr, context.Request);
    }

    private static async Task<IResult> CorrectAsync(
        long cdrId, HttpContext context, SessionBilling billing, IDbContextFactory<IskraDbContext> contexts, AdminAudit audit, CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(context.Request, ["reason", "tariffId"], cancellationToken).ConfigureAwait(false);
        var reason = body.RequiredString("reason", 1, 500);
        var tariffId = body.Text("tariffId", 1, Tariff.IdLength);
        ChargeDetailRecord? cdr;
        try
        {
            cdr = await billing.CorrectAsync(cdrId, tariffId, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyNotFoundException e)
        {
            return TypedResults.Problem(title: "Unknown tariff", detail: e.Message, statusCode: 400);
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(title: "Record corrected already", detail: e.Message, statusCode: 409);
        }

        if (cdr is null)
        {
            return Unknown(cdrId);
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            await audit.WriteAsync(db, ApiCallers.Of(context).Actor, AdminActions.CdrCorrected, cdrId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                tariffId is null ? ["reason"] : ["reason", "tariffId"], cdr.StationId).ConfigureAwait(false);
        }

        return TypedResults.Created($"/api/cdrs/{cdr.Id}", CdrView.From(cdr));
    }

    private static ProblemHttpResult Unknown(long id) => TypedResults.Problem(title: "Unknown charge detail record", detail: $"No charge detail record {id}.", statusCode: 404);
}
