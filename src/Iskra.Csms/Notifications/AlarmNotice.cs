using Iskra.Csms.Events;

namespace Iskra.Csms.Notifications;

/// <summary>The webhook body of one alarm change: <c>{type, deliveryId, subscriptionId, alarm}</c>.</summary>
public sealed record AlarmNotice(string Type, string DeliveryId, long SubscriptionId, AlarmData Alarm);
