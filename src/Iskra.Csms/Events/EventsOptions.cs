namespace Iskra.Csms.Events;

/// <summary>The <c>Events</c> configuration section of the event feed.</summary>
public sealed class EventsOptions
{
    /// <summary>How many of the latest events are kept for clients that resume with <c>Last-Event-ID</c>; 0 keeps none.</summary>
    public int ReplayBuffer { get; set; } = 1000;

    /// <summary>Event streams (<c>GET /api/events</c>) open at once over all API keys; more get 429.</summary>
    public int MaxStreams { get; set; } = 200;

    /// <summary>Event streams open at once per API key; more get 429.</summary>
    public int MaxStreamsPerKey { get; set; } = 10;
}
