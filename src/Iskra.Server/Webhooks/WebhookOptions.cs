namespace Iskra.Server.Webhooks;

/// <summary>
/// Configuration section <c>Webhooks</c>: how each event is delivered. The first attempt goes at once;
/// each entry of <see cref="RetryDelaySeconds"/> is one more attempt after that many seconds.
/// </summary>
public sealed class WebhookOptions
{
    public static readonly double[] DefaultRetryDelaySeconds = [1, 5, 30];

    /// <summary>Delays before the retries; default 1, 5 and 30 s (four attempts in all).</summary>
    public double[]? RetryDelaySeconds { get; set; }

    /// <summary>How long one attempt may take before it counts as failed; default 10 s.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Events waiting per webhook; when a receiver lags this far behind, its oldest events are dropped.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.1.0.0/16</c>, or single addresses) webhooks may reach although they are
    /// loopback, link-local or private (<see cref="WebhookDestinations"/>); default none.
    /// </summary>
    public string[]? AllowedNetworks { get; set; }

    public IReadOnlyList<TimeSpan> RetryDelays =>
        [.. (RetryDelaySeconds is { Length: > 0 } d ? d : DefaultRetryDelaySeconds).Select(TimeSpan.FromSeconds)];
}
