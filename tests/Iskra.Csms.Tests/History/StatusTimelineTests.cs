using Iskra.Csms.History;

namespace Iskra.Csms.Tests.History;

/// <summary>Status durations over a period: what carries in, what is cut off, offline time, station-wide status.</summary>
public sealed class StatusTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset H(double hours) => T0.AddHours(hours);

    private static TimeRange Period(double from, double to) => new(H(from), H(to));

    private static Dictionary<string, double> Hours(IReadOnlyList<StatusSegment> segments) =>
        StatusTimeline.Durations(segments).ToDictionary(d => d.Status, d => d.Duration.TotalHours);

    [Fact]
    public void The_status_reported_before_the_period_carries_into_it_and_the_last_runs_to_its_end()
    {
        StatusChange[] changes = [new(H(-5), "Available"), new(H(2), "Charging"), new(H(5), "Available")];

        var segments = StatusTimeline.Segments(changes, [], [], Period(0, 10));

        Assert.Equal(new Dictionary<string, double> { ["Available"] = 7, ["Charging"] = 3 }, Hours(segments));
        Assert.Equal([H(0), H(2), H(5)], segments.Select(s => s.Range.Start));
        Assert.Equal(H(10), segments[^1].Range.End);
    }

    [Fact]
    public void A_period_that_starts_mid_status_counts_only_the_part_inside_it()
    {
        StatusChange[] changes = [new(H(0), "Faulted"), new(H(4), "Available"), new(H(12), "Unavailable")];

        var segments = StatusTimeline.Segments(changes, [], [], Period(3, 8));

        Assert.Equal(new Dictionary<string, double> { ["Faulted"] = 1, ["Available"] = 4 }, Hours(segments));
    }

    [Fact]
    public void Before_its_first_status_a_connector_is_Unknown()
    {
        var segments = StatusTimeline.Segments([new(H(6), "Available")], [], [], Period(0, 10));

        Assert.Equal(new Dictionary<string, double> { ["Unknown"] = 6, ["Available"] = 4 }, Hours(segments));
        Assert.Equal(StatusTimeline.Unknown, segments[0].Status);
    }

    [Fact]
    public void Time_offline_counts_as_Offline_whatever_was_reported_and_overlapping_outages_count_once()
    {
        StatusChange[] changes = [new(H(-1), "Charging")];
        TimeRange[] offline = [new(H(2), H(5)), new(H(4), H(6)), new(H(9), H(20))];

        var segments = StatusTimeline.Segments(changes, [], offline, Period(0, 10));

        Assert.Equal(new Dictionary<string, double> { ["Charging"] = 5, ["Offline"] = 5 }, Hours(segments));
        Assert.Equal([(H(0), false), (H(2), true), (H(6), false), (H(9), true)], segments.Select(s => (s.Range.Start, s.Offline)));
    }

    [Fact]
    public void Two_statuses_at_the_same_instant_leave_the_one_received_last_in_force()
    {
        StatusChange[] changes = [new(H(1), "Preparing"), new(H(1), "Charging")];

        var segments = StatusTimeline.Segments(changes, [], [], Period(0, 3));

        Assert.Equal(new Dictionary<string, double> { ["Unknown"] = 1, ["Charging"] = 2 }, Hours(segments));
    }

    [Fact]
    public void Repeats_of_the_same_status_make_one_segment_and_the_station_wide_status_cuts_it()
    {
        StatusChange[] changes = [new(H(0), "Available"), new(H(1), "Available"), new(H(2), "Available")];
        StatusChange[] station = [new(H(3), "Unavailable"), new(H(4), "Available")];

        var segments = StatusTimeline.Segments(changes, station, [], Period(0, 6));

        Assert.Equal([(H(0), H(3), (string?)null), (H(3), H(4), "Unavailable"), (H(4), H(6), "Available")], segments.Select(s => (s.Range.Start, s.Range.End, s.StationStatus)));
        Assert.Equal(new Dictionary<string, double> { ["Available"] = 6 }, Hours(segments));
    }

    [Fact]
    public void An_empty_period_has_no_segments()
    {
        Assert.Empty(StatusTimeline.Segments([new(H(0), "Available")], [], [], Period(5, 5)));
    }

    [Fact]
    public void Offline_ranges_are_clipped_merged_and_sorted()
    {
        TimeRange[] ranges = [new(H(8), H(12)), new(H(-3), H(1)), new(H(1), H(2)), new(H(5), H(5))];

        Assert.Equal([new TimeRange(H(0), H(2)), new TimeRange(H(8), H(10))], TimeRange.Merge(ranges, Period(0, 10)));
    }
}
