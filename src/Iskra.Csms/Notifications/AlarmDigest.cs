using Iskra.Csms.Events;

namespace Iskra.Csms.Notifications;

/// <summary>
/// The webhook body of a digest: <c>{type: "alarm.digest", deliveryId, subscriptionId, alarms}</c>, each alarm as it was at
/// its change (a cleared one has <c>clearedAt</c>), oldest change first.
/// </summary>
public sealed record AlarmDigest(string Type, string DeliveryId, long SubscriptionId, IReadOnlyList<AlarmData> Alarms)
{
    public const string EventType = "alarm.digest";
}
