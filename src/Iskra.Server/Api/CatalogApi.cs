using Iskra.Csms.Integration;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Api;

/// <summary>
/// <c>/api/catalog</c>: the catalog of integrated models (viewer reads, operator writes, admin deletes) and the
/// policy in effect, read-only (it is configuration: section <c>Catalog</c>). The test lab adds models and runs
/// through <see cref="CatalogService.RecordRunAsync"/>; the operator through <see cref="CatalogEditor"/>.
/// </summary>
public static class CatalogApi
{
    public const int MaxQuirks = 20;

    private static readonly string[] NewFields = ["vendor", "model", "status", "quirks"];
    private static readonly string[] ChangeFields = ["status", "quirk"];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var catalog = api.MapGroup("/catalog").WithTags("Catalog");
        catalog.MapGet("/models", ListAsync).WithName("ListCatalogModels").WithSummary("Catalog models by id; ?status=testing|integrated|refused&vendor=").ProducesProblem(400);
        catalog.MapGet("/models/{modelId:long}", GetAsync).WithName("GetCatalogModel").WithSummary("One catalog model with its firmware, runs and quirks").ProducesProblem(404);
        catalog.MapPost("/models", CreateAsync).RequireAuthorization(ApiPolicies.Operator).WithName("CreateCatalogModel")
            .WithSummary("Add a model to the catalog (vendor and model as stations give them in BootNotification)")
            .Accepts<NewCatalogModel>("application/json").Produces<CatalogModelView>(201).ProducesProblem(400).ProducesProblem(409);
        catalog.MapPatch("/models/{modelId:long}", UpdateAsync).RequireAuthorization(ApiPolicies.Operator).WithName("UpdateCatalogModel")
            .WithSummary("Set a catalog model's status and/or add a quirk note")
            .Accepts<CatalogModelChanges>("application/json").Produces<CatalogModelView>().ProducesProblem(400).ProducesProblem(404);
        catalog.MapDelete("/models/{modelId:long}", DeleteAsync).RequireAuthorization(ApiPolicies.Admin).WithName("DeleteCatalogModel")
            .WithSummary("Delete a catalog model with its runs and quirks").ProducesProblem(404);
        catalog.MapGet("/policy", GetPolicy).WithName("GetCatalogPolicy").WithSummary("The catalog policy in effect (configuration section Catalog)");
    }

    private static async Task<Ok<ItemPage<CatalogModelView>>> ListAsync(
        string? status, string? vendor, int? limit, string? cursor, CatalogEditor catalog, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        CatalogStatus? wanted = null;
        if (status is not null)
        {
            wanted = CatalogStatuses.TryParse(status, out var parsed) ? parsed : throw BadStatus("status");
        }

        var rows = await catalog.ListAsync(wanted, vendor, after, take + 1, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, CatalogModelView.From, m => m.Id));
    }

    private static async Task<Results<Ok<CatalogModelView>, ProblemHttpResult>> GetAsync(long modelId, CatalogEditor catalog, CancellationToken cancellationToken)
    {
        var model = await catalog.GetAsync(modelId, cancellationToken).ConfigureAwait(false);
        return model is null ? Unknown(modelId) : TypedResults.Ok(CatalogModelView.From(model));
    }

    private static async Task<Results<Created<CatalogModelView>, ProblemHttpResult>> CreateAsync(HttpContext context, CatalogEditor catalog, CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(context.Request, NewFields, cancellationToken).ConfigureAwait(false);
        var vendor = Name(body, "vendor");
        var model = Name(body, "model");
        var status = Status(body) ?? CatalogStatus.Testing;
        var quirks = body.Texts("quirks", MaxQuirks, 1, CatalogNote.TextLength) ?? [];
        var created = await catalog.CreateAsync(vendor, model, status, quirks, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false);
        return created is null
            ? TypedResults.Problem(title: "Model already in the catalog", detail: $"The catalog already has {vendor.Trim()} {model.Trim()} (vendor and model compare without case).", statusCode: 409)
            : TypedResults.Created($"/api/catalog/models/{created.Id}", CatalogModelView.From(created));
    }

    private static async Task<Results<Ok<CatalogModelView>, ProblemHttpResult>> UpdateAsync(long modelId, HttpContext context, CatalogEditor catalog, CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(context.Request, ChangeFields, cancellationToken).ConfigureAwait(false);
        var status = Status(body);
        var quirk = body.Text("quirk", 1, CatalogNote.TextLength);
        var model = await catalog.UpdateAsync(modelId, status, quirk, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false);
        return model is null ? Unknown(modelId) : TypedResults.Ok(CatalogModelView.From(model));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long modelId, HttpContext context, CatalogEditor catalog, CancellationToken cancellationToken) =>
        await catalog.DeleteAsync(modelId, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : Unknown(modelId);

    private static Ok<CatalogPolicyView> GetPolicy(IOptionsMonitor<CatalogOptions> options)
    {
        var policy = options.CurrentValue;
        return TypedResults.Ok(new CatalogPolicyView(policy.Required, policy.IntegratedOnly, policy.UnknownModelAnswer.ToString()));
    }

    /// <summary>A vendor or model: required, 1 to 50 characters once trimmed (the BootNotification limits: 1.6 CiString20, 2.0.1 string 50).</summary>
    private static string Name(BodyFields body, string field)
    {
        var text = body.RequiredString(field, 1, CatalogModel.NameLength);
        return string.IsNullOrWhiteSpace(text) ? throw new BadHttpRequestException($"{field} must not be blank.") : text;
    }

    private static CatalogStatus? Status(BodyFields body)
    {
        var text = body.Text("status", 1, 32);
        if (text is null)
        {
            return null;
        }

        return CatalogStatuses.TryParse(text, out var status) ? status : throw BadStatus("status");
    }

    private static BadHttpRequestException BadStatus(string field) => new($"{field} must be one of {string.Join(", ", CatalogStatuses.Names)}.");

    private static ProblemHttpResult Unknown(long id) => TypedResults.Problem(title: "Unknown catalog model", detail: $"No catalog model {id}.", statusCode: 404);
}
