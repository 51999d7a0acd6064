using Iskra.Csms.Alarms.Rules;

namespace Iskra.Csms.Tests.Alarms;

/// <summary>The offline rule's memory of who is connected: connections that replace each other, restarts, and the alarm flag.</summary>
public sealed class StationPresenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_station_is_due_only_once_offline_longer_than_the_cutoff_and_only_until_alarmed()
    {
        var presence = new StationPresence();
        var connection = new object();
        Assert.False(presence.Connected("CP-1", connection));
        Assert.Empty(presence.Due(T0.AddHours(1)));

        presence.Disconnected("CP-1", connection, T0);
        Assert.True(presence.IsOffline("CP-1"));
        Assert.Empty(presence.Due(T0.AddSeconds(-1)));
        var due = Assert.Single(presence.Due(T0.AddMinutes(5)));
        Assert.Equal(new OfflineStation("CP-1", T0), due);

        Assert.True(presence.MarkAlarmed("CP-1"));
        Assert.Empty(presence.Due(T0.AddMinutes(10)));
        Assert.True(presence.Connected("CP-1", new object())); // alarmed while away: the caller clears it
        Assert.False(presence.IsOffline("CP-1"));
        Assert.False(presence.MarkAlarmed("CP-1"));
    }

    [Fact]
    public void The_end_of_a_replaced_connection_does_not_make_a_connected_station_offline()
    {
        var presence = new StationPresence();
        var old = new object();
        var replacement = new object();
        presence.Connected("CP-1", old);
        presence.Connected("CP-1", replacement);
        presence.Disconnected("CP-1", old, T0);
        Assert.False(presence.IsOffline("CP-1"));

        presence.Disconnected("CP-1", replacement, T0);
        Assert.True(presence.IsOffline("CP-1"));
    }

    [Fact]
    public void At_start_a_station_seen_before_counts_from_the_start_but_is_offline_since_its_last_sighting()
    {
        var presence = new StationPresence();
        var start = T0.AddHours(2);
        presence.Seen("CP-1", T0, start, alarmed: false);
        presence.Seen("CP-2", T0, start, alarmed: true);
        var connection = new object();
        presence.Connected("CP-3", connection);
        presence.Seen("CP-3", T0, start, alarmed: false); // connected before the seeding: left connected

        Assert.Empty(presence.Due(start.AddSeconds(-1)));
        var due = Assert.Single(presence.Due(start.AddMinutes(5)));
        Assert.Equal(new OfflineStation("CP-1", T0), due); // the message says since when it was really gone
        Assert.False(presence.IsOffline("CP-3"));
        Assert.True(presence.Connected("CP-2", new object()));
    }
}
