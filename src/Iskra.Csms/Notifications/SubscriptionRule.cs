using Iskra.Csms.Alarms;

namespace Iskra.Csms.Notifications;

/// <summary>
/// An enabled <see cref="NotificationSubscription"/> parsed once for matching: an alarm change matches when the alarm is
/// not silenced, is at least as severe as the minimum, is of a listed kind (or none are listed), is at a listed station
/// or prefix group (or none are listed), and, for a clear, when the subscription includes clears. Matching allocates nothing.
/// </summary>
public sealed class SubscriptionRule
{
    private readonly int _minimumRank;
    private readonly string[] _kinds;
    private readonly string[] _stations;

    private SubscriptionRule(NotificationSubscription subscription)
    {
        Subscription = subscription;
        _minimumRank = Math.Max(0, AlarmSeverity.Rank(subscription.MinimumSeverity));
        _kinds = Split(subscription.Kinds);
        _stations = Split(subscription.Stations);
    }

    public NotificationSubscription Subscription { get; }

    public static SubscriptionRule Of(NotificationSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new SubscriptionRule(subscription);
    }

    /// <summary>True when a change of the alarm described by the arguments is notified to this subscription.</summary>
    public bool Matches(string stationId, string kind, string severity, bool cleared, bool silenced)
    {
        if (silenced || (cleared && !Subscription.IncludeCleared) || AlarmSeverity.Rank(severity) < _minimumRank)
        {
            return false;
        }

        if (_kinds.Length > 0 && Array.IndexOf(_kinds, kind) < 0)
        {
            return false;
        }

        return _stations.Length == 0 || StationMatches(_stations, stationId);
    }

    /// <summary>True when <paramref name="stationId"/> is one of <paramref name="patterns"/>, or starts with one that ends in <c>*</c>.</summary>
    public static bool StationMatches(IReadOnlyList<string> patterns, string stationId)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(stationId);
        for (var i = 0; i < patterns.Count; i++)
        {
            var p = patterns[i];
            if (p.EndsWith('*') ? stationId.StartsWith(p.AsSpan(0, p.Length - 1), StringComparison.Ordinal) : string.Equals(p, stationId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Split(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
