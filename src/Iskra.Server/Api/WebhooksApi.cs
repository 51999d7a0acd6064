using System.Globalization;
using System.Text.Json;
using Iskra.Csms;
using Iskra.Csms.Access;
using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Iskra.Csms.Webhooks;
using Iskra.Server.Auth;
using Iskra.Server.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// <c>/api/webhooks</c>: list, create and delete outgoing webhooks, with each one's delivery status. Admin only;
/// creation and deletion are audited (<see cref="AdminAudit"/>) with field names only: a URL may hold a token, a secret is one.
/// </summary>
public static class WebhooksApi
{
    private static readonly string[] Fields = ["url", "events", "stationId", "secret"];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var hooks = api.MapGroup("/webhooks").RequireAuthorization(ApiPolicies.Admin).WithTags("Webhooks");
        hooks.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("All webhooks with their last delivery status");
        hooks.MapGet("/{id:long}", GetAsync).WithName("GetWebhook").WithSummary("One webhook with its last delivery status").ProducesProblem(404);
        hooks.MapPost("/", CreateAsync).WithName("CreateWebhook").WithSummary("Create a webhook: matching events are POSTed to its URL")
            .Accepts<NewWebhook>("application/json").ProducesProblem(400);
        hooks.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Delete a webhook; its pending deliveries fail (webhook deleted)").ProducesProblem(404);
    }

    private static async Task<Ok<ItemPage<WebhookView>>> ListAsync(IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var hooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ItemPage<WebhookView>([.. hooks.Select(WebhookView.From)], null));
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> GetAsync(long id, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var hook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken).ConfigureAwait(false);
        return hook is null ? Unknown(id) : TypedResults.Ok(WebhookView.From(hook));
    }

    private static async Task<Results<Created<WebhookView>, ProblemHttpResult>> CreateAsync(
        HttpContext context, IDbContextFactory<IskraDbContext> contexts, WebhookDispatcher dispatcher, WebhookDestinations destinations, AdminAudit audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var json = await RequestBodies.ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (ExpectedFields.FirstUnknown(json, Fields) is { } unknown)
        {
            return Invalid(ExpectedFields.Describe(unknown, Fields));
        }

        NewWebhook? body;
        try
        {
            body = json.ValueKind == JsonValueKind.Object ? json.Deserialize(ApiJsonContext.Default.NewWebhook) : null;
        }
        catch (JsonException e)
        {
            return Invalid($"The body does not have the webhook's shape: {e.Message}");
        }

        if (body is null)
        {
            return Invalid("The body must be a JSON object {url, events?, stationId?, secret?}.");
        }

        if (Check(body) is { } problem)
        {
            return Invalid(problem);
        }

        if (destinations.RefusesLiteral(new Uri(body.Url!)))
        {
            // Decided on the URL alone: nothing is resolved or connected to. Host names are checked at each connection.
            return Invalid("refused destination: webhooks may not reach loopback, link-local or private addresses unless Webhooks:AllowedNetworks lists them.");
        }

        var hook = new Webhook
        {
            Url = body.Url!,
            Events = string.Join(',', (body.Events ?? []).Distinct(StringComparer.Ordinal)),
            StationId = string.IsNullOrEmpty(body.StationId) ? null : body.StationId,
            Secret = string.IsNullOrEmpty(body.Secret) ? null : body.Secret,
            CreatedAt = time.GetUtcNow(),
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            // The audit row names the id the database gives the webhook: two saves, one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            db.Webhooks.Add(hook);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            audit.Add(db, ApiCallers.Of(context).Actor, AdminActions.WebhookCreated, Target(hook.Id), FieldsSet(hook));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        dispatcher.Add(hook);
        return TypedResults.Created($"/api/webhooks/{hook.Id}", WebhookView.From(hook));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, HttpContext context, IDbContextFactory<IskraDbContext> contexts, WebhookDispatcher dispatcher, AdminAudit audit, CancellationToken cancellationToken)
    {
        int deleted;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            deleted = await db.Webhooks.Where(w => w.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (deleted > 0)
            {
                await audit.WriteAsync(db, ApiCallers.Of(context).Actor, AdminActions.WebhookDeleted, Target(id), []).ConfigureAwait(false);
            }
        }

        if (deleted == 0)
        {
            return Unknown(id);
        }

        await dispatcher.RemoveAsync(id).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>What is wrong with <paramref name="body"/>, or null when it is a valid webhook.</summary>
    private static string? Check(NewWebhook body)
    {
        if (string.IsNullOrWhiteSpace(body.Url) || body.Url.Length > Webhook.MaxUrlLength
            || !Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(url.Host))
        {
            return $"url must be an absolute http or https URL of at most {Webhook.MaxUrlLength} characters.";
        }

        if (body.Events?.FirstOrDefault(e => !CsmsEventTypes.All.Contains(e)) is { } unknown)
        {
            return $"Unknown event type '{unknown}'. Types: {string.Join(", ", CsmsEventTypes.All)} (none means all).";
        }

        if (body.StationId is { Length: > 48 })
        {
            return "stationId is at most 48 characters.";
        }

        return body.Secret is { Length: > Webhook.MaxSecretLength } ? $"secret is at most {Webhook.MaxSecretLength} characters." : null;
    }

    /// <summary>The names of the fields a new webhook has: never their values (a URL may carry a token).</summary>
    private static IEnumerable<string> FieldsSet(Webhook hook)
    {
        yield return "url";
        if (hook.Events.Length > 0)
        {
            yield return "events";
        }

        if (hook.StationId is not null)
        {
            yield return "stationId";
        }

        if (hook.Secret is not null)
        {
            yield return "secret";
        }
    }

    private static string Target(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(title: "Invalid webhook", detail: detail, statusCode: 400);

    private static ProblemHttpResult Unknown(long id) => TypedResults.Problem(title: "Unknown webhook", detail: $"No webhook {id}.", statusCode: 404);
}
