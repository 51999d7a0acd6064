namespace Iskra.Csms.Webhooks;

/// <summary>
/// An operator's outgoing webhook: every event that matches <see cref="Events"/> and
/// <see cref="StationId"/> is POSTed to <see cref="Url"/>, signed with <see cref="Secret"/> when one
/// is set. The delivery fields record how the last deliveries went.
/// </summary>
public sealed class Webhook
{
    public const int MaxUrlLength = 2000;

    public const int MaxSecretLength = 200;

    public long Id { get; set; }

    /// <summary>An absolute http or https URL.</summary>
    public required string Url { get; set; }

    /// <summary>Event types separated by commas (<c>transaction.started,alarm.raised</c>); empty means every event.</summary>
    public string Events { get; set; } = "";

    /// <summary>Only this station's events; null means every station.</summary>
    public string? StationId { get; set; }

    /// <summary>The HMAC-SHA256 key of the <c>X-Iskra-Signature</c> header; never shown by the API.</summary>
    public string? Secret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public DateTimeOffset? LastFailureAt { get; set; }

    /// <summary>What went wrong in the last failed attempt (HTTP status, timeout, connection error).</summary>
    public string? LastError { get; set; }

    /// <summary>Events given up after every attempt failed.</summary>
    public long Failures { get; set; }

    /// <summary>The event types of <see cref="Events"/>; empty means every type.</summary>
    public IReadOnlyList<string> EventTypes() => Events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
