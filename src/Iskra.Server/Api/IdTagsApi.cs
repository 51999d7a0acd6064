using Iskra.Csms.Access;
using Iskra.Csms.Authorization;
using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// <c>/api/id-tags</c>: authorization identifiers (operator role to write). An id tag is 1 to 36
/// characters (the 2.0.1 idToken limit); a 1.6 station can only present tags of up to 20 (CiString20).
/// Each change is audited (<see cref="AdminAudit"/>) with the names of the fields it set.
/// </summary>
public static class IdTagsApi
{
    public const int MaxLength = 36;

    private static readonly string[] Fields = ["idTag", "status", "expiryDate", "parentIdTag", "type"];
    private static readonly string[] TokenTypes = ["Central", "eMAID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress", "NoAuthorization"];
    private static readonly IdTagStatus[] Statuses = [IdTagStatus.Accepted, IdTagStatus.Blocked, IdTagStatus.Expired, IdTagStatus.Invalid];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tags = api.MapGroup("/id-tags").WithTags("Id tags");
        tags.MapGet("/", ListAsync).WithName("ListIdTags").WithSummary("All id tags, paged by idTag").ProducesProblem(400);
        tags.MapPost("/", CreateAsync).RequireAuthorization(ApiPolicies.Operator).WithName("CreateIdTag").WithSummary("Add an id tag")
            .Accepts<IdTagView>("application/json").Produces<IdTagView>(201).ProducesProblem(400).ProducesProblem(409);
        tags.MapGet("/{idTag}", GetAsync).WithName("GetIdTag").WithSummary("One id tag").ProducesProblem(404);
        tags.MapPut("/{idTag}", ReplaceAsync).RequireAuthorization(ApiPolicies.Operator).WithName("ReplaceIdTag")
            .WithSummary("Replace an id tag's status, expiry, parent and type (idTag in the body, if given, must match)")
            .Accepts<IdTagView>("application/json").Produces<IdTagView>().ProducesProblem(400).ProducesProblem(404);
        tags.MapDelete("/{idTag}", DeleteAsync).RequireAuthorization(ApiPolicies.Operator).WithName("DeleteIdTag").WithSummary("Delete an id tag").ProducesProblem(404);
    }

    private static async Task<Ok<ItemPage<IdTagView>>> ListAsync(int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.AfterText(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.IdTags.AsNoTracking();
        if (after is not null)
        {
            query = query.Where(t => string.Compare(t.Value, after) > 0);
        }

        var rows = await query.OrderBy(t => t.Value).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, IdTagView.From, t => t.Value));
    }

    private static async Task<Results<Ok<IdTagView>, ProblemHttpResult>> GetAsync(string idTag, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tag = await db.IdTags.AsNoTracking().FirstOrDefaultAsync(t => t.Value == idTag, cancellationToken).ConfigureAwait(false);
        return tag is null ? Unknown(idTag) : TypedResults.Ok(IdTagView.From(tag));
    }

    private static async Task<Results<Created<IdTagView>, ProblemHttpResult>> CreateAsync(
        HttpContext context, IDbContextFactory<IskraDbContext> contexts, AdminAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(context.Request, Fields, cancellationToken).ConfigureAwait(false);
        var tag = new IdTag { Value = body.RequiredString("idTag", 1, MaxLength), CreatedAt = time.GetUtcNow() };
        var changed = Apply(body, tag);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.IdTags.AnyAsync(t => t.Value == tag.Value, cancellationToken).ConfigureAwait(false))
        {
            return Duplicate(tag.Value);
        }

        db.IdTags.Add(tag);
        audit.Add(db, ApiCallers.Of(context).Actor, AdminActions.IdTagCreated, tag.Value, changed.Union(["status"], StringComparer.Ordinal));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return Duplicate(tag.Value);
        }

        return TypedResults.Created($"/api/id-tags/{Uri.EscapeDataString(tag.Value)}", IdTagView.From(tag));
    }

    private static async Task<Results<Ok<IdTagView>, ProblemHttpResult>> ReplaceAsync(
        string idTag, HttpContext context, IDbContextFactory<IskraDbContext> contexts, AdminAudit audit, CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(context.Request, Fields, cancellationToken).ConfigureAwait(false);
        if (body.Text("idTag", 1, MaxLength) is { } named && named != idTag)
        {
            return TypedResults.Problem(title: "Invalid id tag", detail: "idTag in the body differs from the one in the path; an id tag cannot be renamed.", statusCode: 400);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tag = await db.IdTags.FirstOrDefaultAsync(t => t.Value == idTag, cancellationToken).ConfigureAwait(false);
        if (tag is null)
        {
            return Unknown(idTag);
        }

        var changed = Apply(body, tag);
        if (changed.Count > 0)
        {
            audit.Add(db, ApiCallers.Of(context).Actor, AdminActions.IdTagUpdated, tag.Value, changed);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(IdTagView.From(tag));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string idTag, HttpContext context, IDbContextFactory<IskraDbContext> contexts, AdminAudit audit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.IdTags.Where(t => t.Value == idTag).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted == 0)
        {
            return Unknown(idTag);
        }

        await audit.WriteAsync(db, ApiCallers.Of(context).Actor, AdminActions.IdTagDeleted, idTag, []).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// PUT replaces: an absent field becomes its default (status Accepted, the others null). Returns the names of
    /// the fields whose value changed (status is not among them for a new tag: it has no earlier value).
    /// </summary>
    private static List<string> Apply(BodyFields body, IdTag tag)
    {
        var before = (tag.Status, tag.ExpiryDate, tag.ParentIdTag, tag.Type);
        tag.Status = body.Enum("status", Statuses) ?? IdTagStatus.Accepted;
        tag.ExpiryDate = body.Date("expiryDate");
        tag.ParentIdTag = body.Text("parentIdTag", 1, MaxLength);
        var type = body.Text("type", 1, 20);
        if (type is not null && !TokenTypes.Contains(type))
        {
            throw new BadHttpRequestException($"type must be one of {string.Join(", ", TokenTypes)} (2.0.1 IdTokenEnumType).");
        }

        tag.Type = type;
        List<string> changed = [];
        if (before.Status != tag.Status)
        {
            changed.Add("status");
        }

        if (before.ExpiryDate != tag.ExpiryDate)
        {
            changed.Add("expiryDate");
        }

        if (!string.Equals(before.ParentIdTag, tag.ParentIdTag, StringComparison.Ordinal))
        {
            changed.Add("parentIdTag");
        }

        if (!string.Equals(before.Type, tag.Type, StringComparison.Ordinal))
        {
            changed.Add("type");
        }

        return changed;
    }

    private static ProblemHttpResult Unknown(string idTag) => TypedResults.Problem(title: "Unknown id tag", detail: $"No id tag '{Clip(idTag)}'.", statusCode: 404);

    private static ProblemHttpResult Duplicate(string idTag) => TypedResults.Problem(title: "Id tag exists", detail: $"The id tag '{idTag}' exists already.", statusCode: 409);

    private static string Clip(string s) => s.Length <= MaxLength ? s : s[..MaxLength];
}
