using System.Text.Json;
using Iskra.Csms.Alarms;
using Iskra.Csms.Notifications;
using Iskra.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Iskra.Server.Api.Notifications;

/// <summary>
/// <c>/api/notification-subscriptions</c>: which alarms (minimum severity, kinds, stations or prefix groups) reach which
/// e-mail recipients or webhook, one by one or as a digest. Admin only; changes are audited and take effect at once.
/// </summary>
public static class SubscriptionsApi
{
    public const int MaxDigestSeconds = 86_400;

    private static readonly string[] Fields =
        ["name", "channel", "recipients", "webhookId", "minimumSeverity", "kinds", "stations", "digestSeconds", "includeCleared", "enabled"];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var subs = api.MapGroup("/notification-subscriptions").RequireAuthorization(ApiPolicies.Admin).WithTags("Notifications");
        subs.MapGet("/", ListAsync).WithName("ListNotificationSubscriptions").WithSummary("All notification subscriptions");
        subs.MapGet("/{subscriptionId:long}", GetAsync).WithName("GetNotificationSubscription").WithSummary("One notification subscription").ProducesProblem(404);
        subs.MapPost("/", CreateAsync).WithName("CreateNotificationSubscription")
            .WithSummary("Send matching alarms to e-mail recipients or a webhook, one by one or as a digest every digestSeconds")
            .Accepts<SubscriptionBody>("application/json").Produces<SubscriptionView>(201).ProducesProblem(400);
        subs.MapPut("/{subscriptionId:long}", ReplaceAsync).WithName("ReplaceNotificationSubscription").WithSummary("Replace a notification subscription")
            .Accepts<SubscriptionBody>("application/json").Produces<SubscriptionView>().ProducesProblem(400).ProducesProblem(404);
        subs.MapDelete("/{subscriptionId:long}", DeleteAsync).WithName("DeleteNotificationSubscription")
            .WithSummary("Delete a notification subscription; its waiting digest is dropped").ProducesProblem(404);
    }

    private static async Task<Ok<ItemPage<SubscriptionView>>> ListAsync(SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var rows = await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ItemPage<SubscriptionView>([.. rows.Select(SubscriptionView.From)], null));
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> GetAsync(long subscriptionId, SubscriptionService subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is { } s ? TypedResults.Ok(SubscriptionView.From(s)) : Unknown(subscriptionId);

    private static async Task<Results<Created<SubscriptionView>, ProblemHttpResult>> CreateAsync(HttpContext context, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var input = await ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        try
        {
            var created = await subscriptions.CreateAsync(input, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"/api/notification-subscriptions/{created.Id}", SubscriptionView.From(created));
        }
        catch (SubscriptionInvalidException e)
        {
            return Invalid(e.Message);
        }
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> ReplaceAsync(
        long subscriptionId, HttpContext context, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var input = await ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        try
        {
            var replaced = await subscriptions.ReplaceAsync(subscriptionId, input, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false);
            return replaced is null ? Unknown(subscriptionId) : TypedResults.Ok(SubscriptionView.From(replaced));
        }
        catch (SubscriptionInvalidException e)
        {
            return Invalid(e.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long subscriptionId, HttpContext context, SubscriptionService subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.DeleteAsync(subscriptionId, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : Unknown(subscriptionId);

    /// <summary>Reads and checks the body; every problem is a 400 that names the field.</summary>
    private static async Task<SubscriptionInput> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(request, Fields, cancellationToken).ConfigureAwait(false);
        var name = body.RequiredString("name", 1, 100);
        var channel = body.RequiredString("channel", 1, 20) switch
        {
            DeliveryChannels.Email => DeliveryChannels.Email,
            DeliveryChannels.Webhook => DeliveryChannels.Webhook,
            _ => throw new BadHttpRequestException($"channel must be {DeliveryChannels.Email} or {DeliveryChannels.Webhook}."),
        };
        var recipients = body.Texts("recipients", EmailAddresses.MaxRecipients, 3, 254) ?? [];
        if (recipients.FirstOrDefault(r => !EmailAddresses.IsValid(r)) is { } bad)
        {
            throw new BadHttpRequestException($"recipients: '{bad}' is not an e-mail address such as ops@example.com.");
        }

        var webhookId = WebhookId(body);
        if (channel == DeliveryChannels.Email && (recipients.Count == 0 || webhookId is not null))
        {
            throw new BadHttpRequestException("channel Email needs recipients (1 to 20 addresses) and no webhookId.");
        }

        if (channel == DeliveryChannels.Webhook && (webhookId is null || recipients.Count > 0))
        {
            throw new BadHttpRequestException("channel Webhook needs webhookId and no recipients.");
        }

        if (string.Join(',', recipients).Length > 1000)
        {
            throw new BadHttpRequestException("recipients: at most 1000 characters in all.");
        }

        var severityText = body.Text("minimumSeverity", 1, 20);
        var severity = severityText is null ? AlarmSeverity.Warning
            : AlarmSeverity.Parse(severityText) ?? throw new BadHttpRequestException($"minimumSeverity must be one of {string.Join(", ", AlarmSeverity.All)}.");
        var kinds = body.Texts("kinds", AlarmKinds.All.Count, 1, 50) ?? [];
        if (kinds.FirstOrDefault(k => !AlarmKinds.All.Contains(k, StringComparer.Ordinal)) is { } kind)
        {
            throw new BadHttpRequestException($"kinds: '{kind}' is not an alarm kind; kinds: {string.Join(", ", AlarmKinds.All)} (none means all).");
        }

        var stations = body.Texts("stations", 100, 1, 48) ?? [];
        if (stations.FirstOrDefault(s => s.Contains(',', StringComparison.Ordinal) || s.IndexOf('*', StringComparison.Ordinal) is var star && star >= 0 && star != s.Length - 1) is { } pattern)
        {
            throw new BadHttpRequestException($"stations: '{pattern}' may hold '*' only at its end (a prefix of station ids) and no ','.");
        }

        if (string.Join(',', stations).Length > 1000)
        {
            throw new BadHttpRequestException("stations: at most 1000 characters in all.");
        }

        var digest = body.Number("digestSeconds", 0, MaxDigestSeconds) ?? 0;
        return new SubscriptionInput(name, channel, [.. recipients.Distinct(StringComparer.OrdinalIgnoreCase)], webhookId, severity, [.. kinds.Distinct(StringComparer.Ordinal)],
            [.. stations.Distinct(StringComparer.Ordinal)], digest, Flag(body, "includeCleared") ?? false, Flag(body, "enabled") ?? true);
    }

    private static long? WebhookId(BodyFields body) => body.Element("webhookId") switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var id) && id > 0 => id,
        _ => throw new BadHttpRequestException("webhookId must be the id of a webhook (a positive integer)."),
    };

    private static bool? Flag(BodyFields body, string name) => body.Element(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new BadHttpRequestException($"{name} must be true or false."),
    };

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(title: "Invalid notification subscription", detail: detail, statusCode: 400);

    private static ProblemHttpResult Unknown(long id) =>
        TypedResults.Problem(title: "Unknown notification subscription", detail: $"No notification subscription {id}.", statusCode: 404);
}
