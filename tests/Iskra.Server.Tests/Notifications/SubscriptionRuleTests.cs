using Iskra.Csms.Alarms;
using Iskra.Csms.Notifications;

namespace Iskra.Server.Tests.Notifications;

/// <summary>Which alarm changes a subscription is told about.</summary>
public sealed class SubscriptionRuleTests
{
    private static SubscriptionRule Rule(string minimum = "Warning", string kinds = "", string stations = "", bool cleared = false) => SubscriptionRule.Of(new NotificationSubscription
    {
        Name = "t",
        Channel = DeliveryChannels.Email,
        Recipients = "ops@example.com",
        MinimumSeverity = minimum,
        Kinds = kinds,
        Stations = stations,
        IncludeCleared = cleared,
    });

    [Theory]
    [InlineData("Critical", true)]
    [InlineData("Major", true)]
    [InlineData("Minor", false)]
    [InlineData("Warning", false)]
    public void Only_alarms_at_least_as_severe_as_the_minimum_match(string severity, bool matches) =>
        Assert.Equal(matches, Rule(minimum: "Major").Matches("CP-1", AlarmKinds.ConnectorFaulted, severity, cleared: false, silenced: false));

    [Fact]
    public void Listed_kinds_filter_and_no_kinds_means_every_kind()
    {
        var rule = Rule(kinds: "StationOffline,ConnectorFaulted");
        Assert.True(rule.Matches("CP-1", AlarmKinds.StationOffline, "Major", false, false));
        Assert.False(rule.Matches("CP-1", AlarmKinds.ClockSkew, "Major", false, false));
        Assert.True(Rule().Matches("CP-1", AlarmKinds.ClockSkew, "Warning", false, false));
    }

    [Theory]
    [InlineData("SITE-A-017", true)]
    [InlineData("SITE-A-", true)]
    [InlineData("SITE-B-001", false)]
    [InlineData("CP-9", true)]
    [InlineData("CP-90", false)]
    public void Stations_match_by_id_or_by_prefix_group(string station, bool matches) =>
        Assert.Equal(matches, Rule(stations: "SITE-A-*, CP-9").Matches(station, AlarmKinds.StationOffline, "Major", false, false));

    [Fact]
    public void A_silenced_alarm_never_matches_and_a_clear_only_when_clears_are_included()
    {
        Assert.False(Rule().Matches("CP-1", AlarmKinds.StationOffline, "Critical", cleared: false, silenced: true));
        Assert.False(Rule().Matches("CP-1", AlarmKinds.StationOffline, "Critical", cleared: true, silenced: false));
        Assert.True(Rule(cleared: true).Matches("CP-1", AlarmKinds.StationOffline, "Critical", cleared: true, silenced: false));
    }

    [Fact]
    public void An_unknown_severity_is_below_every_minimum() =>
        Assert.False(Rule(minimum: "Warning").Matches("CP-1", AlarmKinds.StationOffline, "Bogus", false, false));
}
