namespace Iskra.Server.Api;

/// <summary>The body of <c>POST /api/webhooks</c>: where to POST, which event types (none = all), which station (none = all), and the signing secret.</summary>
public sealed record NewWebhook(string? Url, IReadOnlyList<string>? Events, string? StationId, string? Secret);
