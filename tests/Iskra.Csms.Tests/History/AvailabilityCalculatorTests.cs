using Iskra.Csms.History;

namespace Iskra.Csms.Tests.History;

/// <summary>Uptime and outages of a connector and of a station, from status segments.</summary>
public sealed class AvailabilityCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset H(double hours) => T0.AddHours(hours);

    private static TimeRange Period(double from, double to) => new(H(from), H(to));

    [Fact]
    public void Charging_and_suspended_count_as_available_and_Faulted_and_Unavailable_are_outages()
    {
        StatusChange[] changes = [new(H(-2), "Available"), new(H(1), "Charging"), new(H(2), "SuspendedEV"), new(H(3), "Faulted"), new(H(5), "Available"), new(H(8), "Unavailable")];

        var availability = AvailabilityCalculator.ForConnector(StatusTimeline.Segments(changes, [], [], Period(0, 10)));

        Assert.Equal((10.0, 6.0, 60.0), (availability.Measured.TotalHours, availability.Available.TotalHours, availability.UptimePercent));
        Assert.Equal(
            [(H(3), H(5), OutageCauses.ConnectorFaulted, false), (H(8), H(10), OutageCauses.ConnectorUnavailable, true)],
            availability.Outages.Select(o => (o.Start, o.End, o.Causes.Single(), o.Ongoing)));
        Assert.Equal(TimeSpan.FromHours(2), availability.Outages[0].Duration);
    }

    [Fact]
    public void An_outage_that_began_before_the_period_starts_with_it()
    {
        StatusChange[] changes = [new(H(-30), "Faulted"), new(H(4), "Available")];

        var availability = AvailabilityCalculator.ForConnector(StatusTimeline.Segments(changes, [], [], Period(0, 10)));

        Assert.Equal([(H(0), H(4))], availability.Outages.Select(o => (o.Start, o.End)));
        Assert.Equal(60.0, availability.UptimePercent);
    }

    [Fact]
    public void Offline_time_is_an_outage_and_overlapping_causes_make_one_outage_naming_both_in_order()
    {
        StatusChange[] changes = [new(H(0), "Available"), new(H(2), "Faulted"), new(H(6), "Available")];
        TimeRange[] offline = [new(H(4), H(7))];

        var availability = AvailabilityCalculator.ForConnector(StatusTimeline.Segments(changes, [], offline, Period(0, 10)));

        var outage = Assert.Single(availability.Outages);
        Assert.Equal((H(2), H(7)), (outage.Start, outage.End));
        Assert.Equal([OutageCauses.ConnectorFaulted, OutageCauses.StationOffline], outage.Causes);
        Assert.Equal((10.0, 5.0, 50.0), (availability.Measured.TotalHours, availability.Available.TotalHours, availability.UptimePercent));
    }

    [Fact]
    public void Unknown_time_is_not_measured_unless_the_station_was_offline()
    {
        StatusChange[] changes = [new(H(5), "Available")];
        TimeRange[] offline = [new(H(0), H(2))];

        var availability = AvailabilityCalculator.ForConnector(StatusTimeline.Segments(changes, [], offline, Period(0, 10)));

        Assert.Equal((7.0, 5.0), (availability.Measured.TotalHours, availability.Available.TotalHours));
        Assert.Equal(71.43, availability.UptimePercent);
        Assert.Equal([(H(0), H(2), OutageCauses.StationOffline)], availability.Outages.Select(o => (o.Start, o.End, o.Cause())));
    }

    [Fact]
    public void Nothing_measured_has_no_uptime()
    {
        var availability = AvailabilityCalculator.ForConnector(StatusTimeline.Segments([], [], [], Period(0, 10)));

        Assert.Null(availability.UptimePercent);
        Assert.Empty(availability.Outages);
    }

    [Fact]
    public void The_station_wide_status_takes_every_connector_down()
    {
        StatusChange[] station = [new(H(1), "Unavailable"), new(H(2), "Faulted"), new(H(3), "Available")];

        var availability = AvailabilityCalculator.ForConnector(StatusTimeline.Segments([new(H(0), "Charging")], station, [], Period(0, 4)));

        var outage = Assert.Single(availability.Outages);
        Assert.Equal((H(1), H(3)), (outage.Start, outage.End));
        Assert.Equal([OutageCauses.StationUnavailable, OutageCauses.StationFaulted], outage.Causes);
    }

    [Fact]
    public void A_station_is_available_while_any_connector_is()
    {
        var period = Period(0, 10);
        var one = StatusTimeline.Segments([new(H(0), "Available"), new(H(2), "Faulted"), new(H(6), "Available")], [], [], period);
        var two = StatusTimeline.Segments([new(H(0), "Unavailable"), new(H(4), "Charging"), new(H(5), "Faulted")], [], [], period);

        var availability = AvailabilityCalculator.ForStation([one, two], period, []);

        Assert.Equal((10.0, 7.0), (availability.Measured.TotalHours, availability.Available.TotalHours));
        Assert.Equal(
            [(H(2), H(4), new[] { OutageCauses.ConnectorFaulted, OutageCauses.ConnectorUnavailable }), (H(5), H(6), new[] { OutageCauses.ConnectorFaulted })],
            availability.Outages.Select(o => (o.Start, o.End, o.Causes.ToArray())));
    }

    [Fact]
    public void A_station_offline_with_connectors_of_unknown_state_is_down_and_one_without_connectors_measures_only_its_offline_time()
    {
        var period = Period(0, 10);
        TimeRange[] offline = [new(H(6), H(10))];
        var late = StatusTimeline.Segments([new(H(3), "Available")], [], offline, period);

        var withConnector = AvailabilityCalculator.ForStation([late], period, offline);
        var without = AvailabilityCalculator.ForStation([], period, offline);

        Assert.Equal((7.0, 3.0), (withConnector.Measured.TotalHours, withConnector.Available.TotalHours));
        Assert.True(Assert.Single(withConnector.Outages).Ongoing);
        Assert.Equal((4.0, 0.0, 0.0), (without.Measured.TotalHours, without.Available.TotalHours, without.UptimePercent));
    }
}

/// <summary>The first cause of an outage, for compact asserts.</summary>
internal static class OutageFirstCause
{
    public static string Cause(this Outage outage) => outage.Causes[0];
}
