namespace Iskra.Csms.Notifications;

/// <summary>A subscription that cannot be stored as given (e.g. its webhook does not exist); the message says why.</summary>
public sealed class SubscriptionInvalidException : Exception
{
    public SubscriptionInvalidException()
    {
    }

    public SubscriptionInvalidException(string message)
        : base(message)
    {
    }

    public SubscriptionInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
