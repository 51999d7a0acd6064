namespace Iskra.Csms.Notifications;

/// <summary>Where an <see cref="OutboxMessage"/> stands.</summary>
public enum OutboxState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending = 0,

    /// <summary>The receiver accepted it.</summary>
    Delivered = 1,

    /// <summary>Given up: every attempt failed until it expired, or the destination was refused or deleted.</summary>
    Failed = 2,
}
