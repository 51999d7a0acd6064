namespace Iskra.Csms.Events;

/// <summary>The <c>Events</c> configuration section of the event feed.</summary>
public sealed class EventsOptions
{
    /// <summary>How many of the latest events are kept for clients that resume with <c>Last-Event-ID</c>; 0 keeps none.</summary>
    public int ReplayBuffer { get; set; } = 1000;
}
