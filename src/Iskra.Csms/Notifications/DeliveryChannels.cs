namespace Iskra.Csms.Notifications;

/// <summary>The ways a notification leaves Iskra.</summary>
public static class DeliveryChannels
{
    public const string Email = "Email";

    public const string Webhook = "Webhook";
}
