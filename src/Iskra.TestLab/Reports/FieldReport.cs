using System.Globalization;
using Iskra.Csms.Integration;
using Iskra.Csms.Integration.Passive;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Reports;

/// <summary>
/// The passive findings of live traffic (<c>station_findings</c>) in the lab's report format, so that an
/// operator can send a manufacturer the same report from the field: one "case" per passive check, grouped by
/// area; a check with findings fails with them (how often and since when, and per station for a model), a
/// check without one passed on the traffic seen so far.
/// </summary>
public static class FieldReport
{
    public const string Suite = "field traffic";

    /// <summary>The report of one station.</summary>
    public static RunView ForStation(string stationId, StationView? station, IReadOnlyList<StationFinding> findings, DateTimeOffset now) =>
        Build($"field-{stationId}", stationId, station, findings, now, perStation: false);

    /// <summary>The report of a model: the findings of every station that booted as it.</summary>
    public static RunView ForModel(string vendor, string model, string ocppVersion, IReadOnlyList<StationFinding> findings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var stations = findings.Select(f => f.StationId).Distinct(StringComparer.Ordinal).Count();
        var subject = string.Create(CultureInfo.InvariantCulture, $"{stations} station{(stations == 1 ? string.Empty : "s")} of the model");
        return Build($"field-{vendor}-{model}", subject, new StationView(vendor, model, null, null, ocppVersion), findings, now, perStation: true);
    }

    private static RunView Build(string id, string subject, StationView? station, IReadOnlyList<StationFinding> findings, DateTimeOffset now, bool perStation)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var byCheck = findings.ToLookup(f => f.Check, StringComparer.Ordinal);
        var known = PassiveChecks.All.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        List<CaseView> cases = [];
        foreach (var check in PassiveChecks.All)
        {
            cases.Add(Case(check.Id, check.Title, check.Area, byCheck[check.Id], perStation));
        }

        foreach (var other in byCheck.Where(g => !known.Contains(g.Key)))
        {
            cases.Add(Case(other.Key, other.Key, "Other", other, perStation)); // a check of a later version, kept rather than dropped
        }

        var count = findings.Count;
        return new RunView
        {
            Id = id,
            StationId = subject,
            Suite = Suite,
            Kind = RunKinds.Field,
            Status = count == 0 ? Verdicts.Passed : Verdicts.Failed,
            CreatedAt = now,
            StartedAt = count == 0 ? null : findings.Min(f => f.FirstSeen),
            FinishedAt = now,
            Station = station,
            Summary = RunSummary.Of(cases),
            Profiles = RunSummary.ByProfile(cases),
            ReadyForIntegration = count == 0,
            Readiness = count == 0
                ? "the passive checks found nothing on the live traffic seen so far"
                : string.Create(CultureInfo.InvariantCulture, $"{count} finding{(count == 1 ? string.Empty : "s")} of {byCheck.Count} check{(byCheck.Count == 1 ? string.Empty : "s")} on live traffic"),
            Cases = cases,
        };
    }

    private static CaseView Case(string id, string title, string area, IEnumerable<StationFinding> rows, bool perStation)
    {
        var list = rows.OrderBy(f => f.StationId, StringComparer.Ordinal).ToList();
        return new CaseView
        {
            Id = id,
            Title = title,
            Profile = area,
            Section = "docs/passive-findings.md",
            Verdict = list.Count == 0 ? Verdicts.Passed : Verdicts.Failed,
            Reason = list.Count == 0 ? "no finding on the traffic seen so far" : null,
            StartedAt = list.Count == 0 ? null : list.Min(f => f.FirstSeen),
            Findings = [.. list.Select(f => Finding(f, perStation))],
        };
    }

    private static FindingView Finding(StationFinding f, bool perStation)
    {
        var seen = string.Create(CultureInfo.InvariantCulture,
            $" (seen {f.Count} time{(f.Count == 1 ? string.Empty : "s")}, {f.FirstSeen.UtcDateTime:yyyy-MM-dd HH:mm} to {f.LastSeen.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
        var observed = (perStation ? $"station {f.StationId}: " : string.Empty) + f.Observed + seen;
        return new FindingView(f.Check, f.Requirement, f.Expected, observed, f.Fix,
            [.. f.Evidence().Select(x => new FrameView(x.At, x.FromStation ? "station" : "csms", x.Frame))]);
    }
}
