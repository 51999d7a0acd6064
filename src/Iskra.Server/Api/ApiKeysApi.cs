using Iskra.Csms.Access;
using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary><c>/api/api-keys</c>: list, create (the key is shown once) and revoke API keys. Admin only; changes are audited.</summary>
public static class ApiKeysApi
{
    private static readonly string[] Fields = ["name", "role"];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var keys = api.MapGroup("/api-keys").RequireAuthorization(ApiPolicies.Admin).WithTags("API keys");
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("All API keys (never the keys themselves)");
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Create a key; the response shows it once")
            .Accepts<NewApiKey>("application/json").ProducesProblem(400);
        keys.MapDelete("/{keyId}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke a key").ProducesProblem(404);
    }

    private static async Task<Ok<ItemPage<ApiKeyView>>> ListAsync(IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ItemPage<ApiKeyView>([.. keys.Select(ApiKeyView.From)], null));
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(HttpContext context, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var fields = await BodyFields.ReadAsync(context.Request, Fields, cancellationToken).ConfigureAwait(false);
        var body = new NewApiKey(fields.Text("name", 0, int.MaxValue), fields.Text("role", 0, int.MaxValue));
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            return TypedResults.Problem(title: "Invalid API key", detail: "name is required (1 to 100 characters).", statusCode: 400);
        }

        if (!Enum.TryParse<ApiRole>(body.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(body.Role, out _))
        {
            return TypedResults.Problem(title: "Invalid API key", detail: "role must be viewer, operator or admin.", statusCode: 400);
        }

        var (key, secret) = await keys.CreateAsync(body.Name.Trim(), role, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false);
        var view = ApiKeyView.From(key);
        return TypedResults.Created($"/api/api-keys/{key.Id}", new CreatedApiKey(view.Id, view.Name, view.Role, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string keyId, HttpContext context, ApiKeyService keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(keyId, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Unknown API key", detail: $"No active key '{keyId}'.", statusCode: 404);
}
