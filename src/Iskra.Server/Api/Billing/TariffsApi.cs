using System.Text.Json;
using Iskra.Csms.Tariffs;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Iskra.Server.Api.Billing;

/// <summary>
/// <c>/api/tariffs</c>: tariffs (admin role to write). A changed definition is a new version; sessions keep the
/// version they started with, which <c>/api/tariffs/{id}/versions/{version}</c> shows (also of a deleted tariff).
/// </summary>
public static class TariffsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tariffs = api.MapGroup("/tariffs").WithTags("Tariffs");
        tariffs.MapGet("/", ListAsync).WithName("ListTariffs").WithSummary("Tariffs in force, paged by id").ProducesProblem(400);
        tariffs.MapPost("/", CreateAsync).RequireAuthorization(ApiPolicies.Admin).WithName("CreateTariff")
            .WithSummary("Add a tariff (version 1)").Accepts<TariffView>("application/json").Produces<TariffView>(201).ProducesProblem(400).ProducesProblem(409);
        tariffs.MapGet("/{id}", GetAsync).WithName("GetTariff").WithSummary("One tariff, its current version").ProducesProblem(404);
        tariffs.MapPut("/{id}", ReplaceAsync).RequireAuthorization(ApiPolicies.Admin).WithName("ReplaceTariff")
            .WithSummary("Replace a tariff: a changed definition is the next version, for sessions that start from now on")
            .Accepts<TariffView>("application/json").Produces<TariffView>().ProducesProblem(400).ProducesProblem(404);
        tariffs.MapDelete("/{id}", DeleteAsync).RequireAuthorization(ApiPolicies.Admin).WithName("DeleteTariff")
            .WithSummary("Delete a tariff for new sessions (its versions stay for the sessions priced with them)").ProducesProblem(404);
        tariffs.MapGet("/{id}/versions/{version:int}", GetVersionAsync).WithName("GetTariffVersion")
            .WithSummary("A version of a tariff as sessions were priced with it").ProducesProblem(404);
    }

    private static async Task<Ok<ItemPage<TariffView>>> ListAsync(int? limit, string? cursor, TariffService tariffs, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var rows = await tariffs.ListAsync(Paging.AfterText(cursor), take + 1, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, TariffView.From, t => t.Id));
    }

    private static async Task<Results<Ok<TariffView>, ProblemHttpResult>> GetAsync(string id, TariffService tariffs, CancellationToken cancellationToken) =>
        await tariffs.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } tariff ? TypedResults.Ok(TariffView.From(tariff)) : Unknown(id);

    private static async Task<Results<Ok<TariffView>, ProblemHttpResult>> GetVersionAsync(string id, int version, TariffService tariffs, CancellationToken cancellationToken)
    {
        var row = await tariffs.GetVersionAsync(id, version, cancellationToken).ConfigureAwait(false);
        return row is null
            ? TypedResults.Problem(title: "Unknown tariff version", detail: $"Tariff '{Clip(id)}' has no version {version}.", statusCode: 404)
            : TypedResults.Ok(TariffView.From(row.TariffId, null, row.Version, TariffService.Definition(row.DefinitionJson), TariffAssignment.None, row.CreatedAt, row.CreatedAt));
    }

    private static async Task<Results<Created<TariffView>, ProblemHttpResult>> CreateAsync(HttpContext context, TariffService tariffs, CancellationToken cancellationToken)
    {
        var input = await ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var id = input.Id ?? throw new BadHttpRequestException("id is required: 1 to 36 of A-Z, a-z, 0-9, '.', '_' and '-'.");
        var tariff = await tariffs.CreateAsync(id, input, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false);
        return tariff is null
            ? TypedResults.Problem(title: "Tariff exists", detail: $"The tariff id '{id}' is taken (also by a deleted tariff, whose versions sessions name).", statusCode: 409)
            : TypedResults.Created($"/api/tariffs/{Uri.EscapeDataString(id)}", TariffView.From(tariff));
    }

    private static async Task<Results<Ok<TariffView>, ProblemHttpResult>> ReplaceAsync(string id, HttpContext context, TariffService tariffs, CancellationToken cancellationToken)
    {
        var input = await ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (input.Id is { } named && named != id)
        {
            return TypedResults.Problem(title: "Invalid tariff", detail: "id in the body differs from the one in the path; a tariff cannot be renamed.", statusCode: 400);
        }

        var tariff = await tariffs.ReplaceAsync(id, input, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false);
        return tariff is null ? Unknown(id) : TypedResults.Ok(TariffView.From(tariff));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext context, TariffService tariffs, CancellationToken cancellationToken) =>
        await tariffs.DeleteAsync(id, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : Unknown(id);

    private static async Task<TariffInput> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonElement body = await RequestBodies.ReadJsonAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return TariffBody.Parse(body);
        }
        catch (TariffInvalidException e)
        {
            throw new BadHttpRequestException(e.Message);
        }
    }

    private static ProblemHttpResult Unknown(string id) => TypedResults.Problem(title: "Unknown tariff", detail: $"No tariff '{Clip(id)}'.", statusCode: 404);

    private static string Clip(string s) => s.Length <= Tariff.IdLength ? s : s[..Tariff.IdLength];
}
