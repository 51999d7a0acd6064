using Iskra.Csms.Notifications;
using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Api.Notifications;

/// <summary>
/// <c>/api/deliveries</c>: the outbox's messages (webhooks and e-mails) newest first, filtered by channel, state, webhook,
/// subscription and period; one with its body and attempts; a failed one sent again. Admin only: bodies and recipients are
/// what integrations receive.
/// </summary>
public static class DeliveriesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var deliveries = api.MapGroup("/deliveries").RequireAuthorization(ApiPolicies.Admin).WithTags("Deliveries");
        deliveries.MapGet("/", ListAsync).WithName("ListDeliveries")
            .WithSummary("Webhook and e-mail deliveries, newest first; ?channel=&state=&webhookId=&subscriptionId=&from=&to= (from/to on createdAt, to exclusive)")
            .ProducesProblem(400);
        deliveries.MapGet("/{id:long}", GetAsync).WithName("GetDelivery").WithSummary("One delivery with its body and attempts").ProducesProblem(404);
        deliveries.MapPost("/{id:long}/retry", RetryAsync).WithName("RetryDelivery")
            .WithSummary("Send a failed delivery again: pending now, with a new expiry").ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Results<Ok<ItemPage<DeliveryView>>, ProblemHttpResult>> ListAsync(
        string? channel, string? state, long? webhookId, long? subscriptionId, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor,
        IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        if (from > to)
        {
            return Invalid("from must not be after to.");
        }

        if (channel is not null && channel is not (DeliveryChannels.Email or DeliveryChannels.Webhook))
        {
            return Invalid($"channel must be {DeliveryChannels.Email} or {DeliveryChannels.Webhook}.");
        }

        OutboxState? wanted = null;
        if (state is not null)
        {
            if (!Enum.TryParse<OutboxState>(state, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(state[0]))
            {
                return Invalid("state must be Pending, Delivered or Failed.");
            }

            wanted = parsed;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Outbox.AsNoTracking();
        if (channel is not null)
        {
            query = query.Where(m => m.Channel == channel);
        }

        if (wanted is { } s)
        {
            query = query.Where(m => m.State == s);
        }

        if (webhookId is { } hook)
        {
            query = query.Where(m => m.WebhookId == hook);
        }

        if (subscriptionId is { } subscription)
        {
            query = query.Where(m => m.SubscriptionId == subscription);
        }

        if (from is { } start)
        {
            query = query.Where(m => m.CreatedAt >= start);
        }

        if (to is { } end)
        {
            query = query.Where(m => m.CreatedAt < end);
        }

        if (after is { } last)
        {
            query = query.Where(m => m.Id < last);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, DeliveryView.From, m => m.Id));
    }

    private static async Task<Results<Ok<DeliveryDetailView>, ProblemHttpResult>> GetAsync(long id, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var message = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return Unknown(id);
        }

        var attempts = await db.DeliveryAttempts.AsNoTracking().Where(a => a.OutboxId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(DeliveryDetailView.From(message, attempts));
    }

    private static async Task<Results<Ok<DeliveryView>, ProblemHttpResult>> RetryAsync(
        long id, IDbContextFactory<IskraDbContext> contexts, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var message = await db.Outbox.FirstOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return Unknown(id);
        }

        if (message.State != OutboxState.Failed)
        {
            return TypedResults.Problem(title: "Not failed", detail: $"Delivery {id} is {message.State}: only a failed delivery can be retried.", statusCode: 409);
        }

        var now = time.GetUtcNow();
        (message.State, message.NextAttemptAt, message.ExpiresAt, message.FinishedAt) = (OutboxState.Pending, now, now + options.Value.Expiry, null);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        signal.Wake();
        return TypedResults.Ok(DeliveryView.From(message));
    }

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(title: "Invalid query", detail: detail, statusCode: 400);

    private static ProblemHttpResult Unknown(long id) => TypedResults.Problem(title: "Unknown delivery", detail: $"No delivery {id}.", statusCode: 404);
}
