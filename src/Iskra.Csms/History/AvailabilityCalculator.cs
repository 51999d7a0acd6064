namespace Iskra.Csms.History;

/// <summary>
/// Availability from status segments (docs/history.md, "Availability"). A connector is available while the station is
/// online, the station-wide status (1.6 connector 0) is neither Faulted nor Unavailable, and its own last reported status is
/// known and neither Faulted nor Unavailable (Charging, Occupied, SuspendedEV, Reserved... count as available: the charger
/// works). Time before a connector's first status is not measured unless the station was offline. A station is available
/// while at least one of its connectors is. Pure.
/// </summary>
public static class AvailabilityCalculator
{
    /// <summary>One connector's availability over its segments (<see cref="StatusTimeline.Segments"/>).</summary>
    public static Availability ForConnector(IReadOnlyList<StatusSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return Sum(segments.Select(s => (s.Range, State(s))));
    }

    /// <summary>
    /// The station's availability from each connector's segments over the same period: at each instant available when any
    /// connector is; an outage when none is and at least one is known down (its causes are the union of theirs); not measured
    /// when no connector's state is known. With no connectors, only offline time is measured (as outage).
    /// </summary>
    public static Availability ForStation(IReadOnlyList<IReadOnlyList<StatusSegment>> connectors, TimeRange period, IEnumerable<TimeRange> offline)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        if (connectors.Count == 0)
        {
            return Sum(StatusTimeline.Segments([], [], offline, period).Select(s => (s.Range, State(s))));
        }

        var cuts = new SortedSet<DateTimeOffset>(connectors.SelectMany(c => c.SelectMany(s => new[] { s.Range.Start, s.Range.End })));
        var cursors = new int[connectors.Count];
        var pieces = new List<(TimeRange, ConnectorState)>(cuts.Count);
        DateTimeOffset? start = null;
        foreach (var cut in cuts)
        {
            if (start is { } from)
            {
                var states = new List<ConnectorState>(connectors.Count);
                for (var i = 0; i < connectors.Count; i++)
                {
                    while (cursors[i] < connectors[i].Count && connectors[i][cursors[i]].Range.End <= from)
                    {
                        cursors[i]++;
                    }

                    if (cursors[i] < connectors[i].Count && connectors[i][cursors[i]].Range.Contains(from))
                    {
                        states.Add(State(connectors[i][cursors[i]]));
                    }
                }

                pieces.Add((new TimeRange(from, cut), Combine(states)));
            }

            start = cut;
        }

        return Sum(pieces);
    }

    private static ConnectorState State(StatusSegment segment) =>
        OutageCauses.Of(segment) is { } cause ? new ConnectorState(Known: true, Up: false, [cause])
        : segment.Status == StatusTimeline.Unknown ? new ConnectorState(Known: false, Up: false, [])
        : new ConnectorState(Known: true, Up: true, []);

    private static ConnectorState Combine(List<ConnectorState> states) =>
        states.Any(s => s.Up) ? new ConnectorState(true, true, [])
        : states.Any(s => s.Known) ? new ConnectorState(true, false, [.. states.SelectMany(s => s.Causes).Distinct(StringComparer.Ordinal)])
        : new ConnectorState(false, false, []);

    // Measured and available time, and the outages: neighbouring down pieces are one outage; unknown time ends one.
    private static Availability Sum(IEnumerable<(TimeRange Range, ConnectorState State)> pieces)
    {
        TimeSpan measured = TimeSpan.Zero, available = TimeSpan.Zero;
        var outages = new List<Outage>();
        DateTimeOffset? outageStart = null, outageEnd = null;
        var causes = new List<string>();
        DateTimeOffset end = default;
        foreach (var (range, state) in pieces)
        {
            end = range.End;
            if (state.Known)
            {
                measured += range.Length;
            }

            if (state.Up)
            {
                available += range.Length;
            }

            if (state.Known && !state.Up)
            {
                if (outageEnd != range.Start)
                {
                    Close();
                    outageStart = range.Start;
                }

                outageEnd = range.End;
                causes.AddRange(state.Causes.Where(c => !causes.Contains(c)));
            }
        }

        Close();
        if (outages.Count > 0 && outages[^1].End == end)
        {
            outages[^1] = outages[^1] with { Ongoing = true };
        }

        return new Availability(measured, available, outages);

        void Close()
        {
            if (outageStart is { } s && outageEnd is { } e)
            {
                outages.Add(new Outage(s, e, [.. causes], Ongoing: false));
            }

            outageStart = outageEnd = null;
            causes.Clear();
        }
    }

    private readonly record struct ConnectorState(bool Known, bool Up, IReadOnlyList<string> Causes);
}
