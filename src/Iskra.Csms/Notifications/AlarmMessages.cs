using System.Globalization;
using System.Text;
using System.Text.Json;
using Iskra.Csms.Alarms;
using Iskra.Csms.Events;

namespace Iskra.Csms.Notifications;

/// <summary>
/// The outbox rows of alarm notifications: one alarm change (e-mail: "[Iskra] Major · CP-017 connector 2 reports …",
/// webhook: <see cref="AlarmNotice"/>) or a digest of many (e-mail: "[Iskra] 50 alarms · 50 StationOffline at SITE-A-*",
/// webhook: <see cref="AlarmDigest"/>). E-mail bodies are plain text with each alarm's API link.
/// </summary>
public static class AlarmMessages
{
    private const int SubjectLength = 300;

    /// <summary>The row that tells <paramref name="subscription"/> about one change of <paramref name="alarm"/>.</summary>
    public static OutboxMessage Change(NotificationSubscription subscription, AlarmData alarm, string eventType, Uri? baseUrl, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(alarm);
        var id = Outbox.NewDeliveryId();
        var email = subscription.Channel == DeliveryChannels.Email;
        var body = email
            ? Text(alarm, eventType, baseUrl)
            : JsonSerializer.Serialize(new AlarmNotice(eventType, id, subscription.Id, alarm), NotificationJsonContext.Default.AlarmNotice);
        var row = Addressed(OutboxRows.New(id, subscription.Channel, eventType, body, now, lifetime), subscription);
        row.StationId = alarm.StationId;
        row.Subject = email ? Subject(alarm, eventType) : null;
        return row;
    }

    /// <summary>The row of a digest of <paramref name="changes"/> (oldest first) for <paramref name="subscription"/>.</summary>
    public static OutboxMessage Digest(
        NotificationSubscription subscription, IReadOnlyList<AlarmData> changes, Uri? baseUrl, int maxLines, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(changes);
        var id = Outbox.NewDeliveryId();
        var email = subscription.Channel == DeliveryChannels.Email;
        var body = email
            ? DigestText(changes, baseUrl, maxLines)
            : JsonSerializer.Serialize(new AlarmDigest(AlarmDigest.EventType, id, subscription.Id, changes), NotificationJsonContext.Default.AlarmDigest);
        var row = Addressed(OutboxRows.New(id, subscription.Channel, AlarmDigest.EventType, body, now, lifetime), subscription);
        var stations = changes.Select(c => c.StationId).Distinct(StringComparer.Ordinal).Take(2).ToList();
        row.StationId = stations.Count == 1 ? stations[0] : null;
        row.Subject = email ? DigestSubject(changes) : null;
        return row;
    }

    /// <summary>"[Iskra] Major · CP-017 connector 2 reports GroundFailure since 14:02 UTC", or "[Iskra] Cleared · …".</summary>
    public static string Subject(AlarmData alarm, string eventType)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var label = eventType == CsmsEventTypes.AlarmCleared ? "Cleared" : alarm.Severity;
        return Fit($"[Iskra] {label} · {alarm.Message}", SubjectLength);
    }

    /// <summary>"[Iskra] 50 alarms · 50 StationOffline at SITE-A-* · 50 Major" (with ", 3 cleared" when some changes are clears).</summary>
    public static string DigestSubject(IReadOnlyList<AlarmData> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var cleared = changes.Count(c => c.ClearedAt is not null);
        var raised = changes.Count - cleared;
        var head = raised > 0 ? $"{raised} {(raised == 1 ? "alarm" : "alarms")}" : "";
        if (cleared > 0)
        {
            head += (head.Length > 0 ? ", " : "") + $"{cleared} cleared";
        }

        var kinds = string.Join(", ", Counts(changes, c => c.Kind).Select(k => $"{k.Count} {k.Name}"));
        var severities = string.Join(", ", Counts(changes, c => c.Severity).Select(s => $"{s.Count} {s.Name}"));
        return Fit($"[Iskra] {head} · {kinds} at {Where(changes)} · {severities}", SubjectLength);
    }

    /// <summary>The plain text of one change: the sentence, then station, kind, severity, times, count and link.</summary>
    public static string Text(AlarmData alarm, string eventType, Uri? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var text = new StringBuilder();
        text.Append(eventType == CsmsEventTypes.AlarmCleared ? "Cleared: " : "").AppendLine(alarm.Message).AppendLine();
        Line(text, "Station", AlarmText.Place(alarm.StationId, alarm.EvseId, alarm.ConnectorId));
        Line(text, "Kind", alarm.Code == alarm.Kind ? alarm.Kind : $"{alarm.Kind} ({alarm.Code})");
        Line(text, "Severity", alarm.Severity);
        Line(text, "Opened", AlarmText.Time(alarm.OpenedAt));
        if (alarm.ClearedAt is { } cleared)
        {
            Line(text, "Cleared", $"{AlarmText.Time(cleared)}, after {AlarmText.Duration(cleared - alarm.OpenedAt)}");
        }
        else
        {
            Line(text, "Last seen", AlarmText.Time(alarm.LastSeenAt));
        }

        Line(text, "Count", alarm.Count.ToString(CultureInfo.InvariantCulture));
        Line(text, "Alarm", Link(baseUrl, alarm.Id));
        return text.ToString();
    }

    /// <summary>The plain text of a digest: counts by kind and severity, then one line per change, at most <paramref name="maxLines"/>.</summary>
    public static string DigestText(IReadOnlyList<AlarmData> changes, Uri? baseUrl, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{changes.Count} alarm {(changes.Count == 1 ? "change" : "changes")} at {Where(changes)}").AppendLine().AppendLine();
        foreach (var (name, count) in Counts(changes, c => c.Kind))
        {
            Line(text, name, count.ToString(CultureInfo.InvariantCulture));
        }

        text.AppendLine();
        foreach (var (name, count) in Counts(changes, c => c.Severity))
        {
            Line(text, name, count.ToString(CultureInfo.InvariantCulture));
        }

        text.AppendLine();
        var shown = Math.Min(changes.Count, Math.Max(1, maxLines));
        for (var i = 0; i < shown; i++)
        {
            var c = changes[i];
            var state = c.ClearedAt is { } at ? $"cleared {AlarmText.Time(at)}" : c.Severity;
            text.Append(CultureInfo.InvariantCulture, $"- [{state}] {c.Message} · {Link(baseUrl, c.Id)}").AppendLine();
        }

        if (changes.Count > shown)
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {changes.Count - shown} more").AppendLine();
        }

        return text.ToString();
    }

    /// <summary>The alarm's API address: absolute when the base URL is known.</summary>
    public static string Link(Uri? baseUrl, long alarmId)
    {
        var path = "/api/alarms/" + alarmId.ToString(CultureInfo.InvariantCulture);
        return baseUrl is null ? path : baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath.TrimEnd('/') + path;
    }

    /// <summary>One station, or the stations' common prefix as a group ("SITE-A-*"), or "N stations".</summary>
    private static string Where(IReadOnlyList<AlarmData> changes)
    {
        var stations = changes.Select(c => c.StationId).Distinct(StringComparer.Ordinal).ToList();
        if (stations.Count == 1)
        {
            return stations[0];
        }

        var prefix = stations.Aggregate((a, b) => a[..Common(a, b)]);
        return prefix.Length > 0 ? $"{prefix}* ({stations.Count} stations)" : $"{stations.Count} stations";
    }

    private static int Common(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static IEnumerable<(string Name, int Count)> Counts(IReadOnlyList<AlarmData> changes, Func<AlarmData, string> key) =>
        changes.GroupBy(key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal);

    private static OutboxMessage Addressed(OutboxMessage row, NotificationSubscription subscription)
    {
        row.SubscriptionId = subscription.Id;
        row.WebhookId = subscription.Channel == DeliveryChannels.Webhook ? subscription.WebhookId : null;
        row.Recipients = subscription.Channel == DeliveryChannels.Email ? subscription.Recipients : null;
        return row;
    }

    private static void Line(StringBuilder text, string label, string value) => text.Append(label).Append(':').Append(' ', Math.Max(1, 10 - label.Length)).AppendLine(value);

    private static string Fit(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
