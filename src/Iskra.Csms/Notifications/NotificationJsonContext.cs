using System.Text.Json.Serialization;
using Iskra.Csms.Events;

namespace Iskra.Csms.Notifications;

/// <summary>Source-generated JSON for the notification bodies and the alarms waiting for a digest.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AlarmNotice))]
[JsonSerializable(typeof(AlarmDigest))]
[JsonSerializable(typeof(AlarmData))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
