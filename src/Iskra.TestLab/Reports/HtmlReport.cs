using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Reports;

/// <summary>
/// A run as one printable HTML page a manufacturer can act on: the verdict and summary, the results per
/// feature profile, what failed grouped by profile with each finding's requirement, expected, observed,
/// fix and frames, then every case. Self-contained: no script, no external style or font.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1b1b;padding:0 1rem}
        h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
        .passed{color:#116b2d}.failed{color:#b3261e;font-weight:600}.skipped,.notApplicable,.pending{color:#666}
        .verdict{font-size:1.1rem;padding:.6rem .8rem;border-radius:4px;background:#f3f3f3}
        .finding{border-left:4px solid #b3261e;padding:.4rem .8rem;margin:.8rem 0;background:#fdf6f5;break-inside:avoid}
        .fix{background:#eef6ee;padding:.3rem .5rem;border-radius:3px}
        pre{white-space:pre-wrap;word-break:break-all;font:12px/1.35 ui-monospace,monospace;background:#f6f6f6;padding:.4rem;margin:.2rem 0}
        dt{font-weight:600;float:left;width:7.5rem;clear:left}dd{margin-left:8rem}
        @media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}
        """;

    public static string Write(RunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var h = new StringBuilder();
        var station = run.Station;
        var model = station is null ? run.StationId : $"{station.Vendor} {station.Model}";
        var field = run.Kind == RunKinds.Field;
        var heading = field ? "Field report" : "Integration report";
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>")
            .Append(E($"{heading} — {model} — {run.Suite}")).Append("</title><style>").Append(Style).Append("</style></head><body>");
        h.Append("<h1>").Append(heading).Append(": ").Append(E(model)).Append("</h1>");
        if (field)
        {
            h.Append("<p><b>").Append(E(run.StationId)).Append("</b>").Append(station is null ? string.Empty : $", OCPP {E(station.OcppVersion)}")
                .Append(". Findings of Iskra's passive checks on live traffic, first seen ")
                .Append(E(run.StartedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "—")).Append(", as of ")
                .Append(E(run.FinishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "—")).Append(".</p>");
        }
        else
        {
            h.Append("<p>Station <b>").Append(E(run.StationId)).Append("</b>");
            if (station is not null)
            {
                h.Append(", firmware <b>").Append(E(station.FirmwareVersion ?? "?")).Append("</b>, OCPP ").Append(E(station.OcppVersion));
            }

            h.Append(". Suite <b>").Append(E(run.Suite)).Append("</b>, run <code>").Append(E(run.Id)).Append("</code>, ")
                .Append(E(run.StartedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "not started")).Append(" to ")
                .Append(E(run.FinishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "—")).Append(", status <b>").Append(E(run.Status)).Append("</b>.</p>");
        }

        var verdict = field
            ? (run.ReadyForIntegration ? "No findings" : "Findings to fix")
            : (run.ReadyForIntegration ? "Ready for integration" : "Not ready for integration");
        h.Append("<p class=\"verdict\">").Append(verdict).Append(": ").Append(E(run.Readiness ?? string.Empty)).Append("</p>");

        var s = run.Summary;
        h.Append("<h2 id=\"summary\">Summary</h2><table><tr><th>").Append(field ? "Area" : "Feature profile").Append("</th><th>Passed</th><th>Failed</th><th>Skipped</th><th>Not applicable</th><th>Not run</th></tr>");
        foreach (var p in run.Profiles)
        {
            h.Append("<tr><td>").Append(E(p.Profile)).Append("</td><td>").Append(p.Passed).Append("</td><td")
                .Append(p.Failed > 0 ? " class=\"failed\"" : string.Empty).Append('>').Append(p.Failed).Append("</td><td>").Append(p.Skipped)
                .Append("</td><td>").Append(p.NotApplicable).Append("</td><td>").Append(p.Pending).Append("</td></tr>");
        }

        h.Append("<tr><th>All</th><th>").Append(s.Passed).Append("</th><th>").Append(s.Failed).Append("</th><th>").Append(s.Skipped)
            .Append("</th><th>").Append(s.NotApplicable).Append("</th><th>").Append(s.Pending).Append("</th></tr></table>");

        var failed = run.Cases.Where(c => c.Verdict == Verdicts.Failed).ToList();
        h.Append("<h2 id=\"to-fix\">What to fix (").Append(failed.Sum(c => Math.Max(1, c.Findings.Count))).Append(")</h2>");
        if (failed.Count == 0)
        {
            h.Append("<p>Nothing: no case failed.</p>");
        }

        foreach (var profile in failed.GroupBy(c => c.Profile, StringComparer.Ordinal))
        {
            h.Append("<h3>").Append(E(profile.Key)).Append("</h3>");
            foreach (var c in profile)
            {
                h.Append("<div id=\"").Append(E(c.Id)).Append("\"><b>").Append(E(c.Id)).Append("</b> ").Append(E(c.Title));
                if (c.Findings.Count == 0)
                {
                    h.Append("<p>").Append(E(c.Reason ?? "failed")).Append("</p>");
                }

                foreach (var f in c.Findings)
                {
                    h.Append("<div class=\"finding\"><dl><dt>Requirement</dt><dd>").Append(E(f.Requirement)).Append("</dd><dt>Expected</dt><dd>").Append(E(f.Expected))
                        .Append("</dd><dt>Observed</dt><dd>").Append(E(f.Observed)).Append("</dd><dt>Fix</dt><dd class=\"fix\">").Append(E(f.Fix)).Append("</dd></dl>");
                    foreach (var frame in f.Frames)
                    {
                        h.Append("<pre>").Append(E($"{frame.At.UtcDateTime:HH:mm:ss.fff} {(frame.From == "station" ? "station → CSMS" : "CSMS → station")}  {frame.Frame}")).Append("</pre>");
                    }

                    h.Append("</div>");
                }

                h.Append("</div>");
            }
        }

        h.Append("<h2 id=\"cases\">").Append(field ? "Every check" : "Every case").Append("</h2><table><tr><th>").Append(field ? "Check" : "Case").Append("</th><th>Title</th><th>").Append(field ? "Area" : "Profile").Append("</th><th>Verdict</th><th>Note</th></tr>");
        foreach (var c in run.Cases)
        {
            h.Append("<tr><td>").Append(c.Verdict == Verdicts.Failed ? $"<a href=\"#{E(c.Id)}\">{E(c.Id)}</a>" : E(c.Id)).Append("</td><td>").Append(E(c.Title))
                .Append("</td><td>").Append(E(c.Profile)).Append("</td><td class=\"").Append(E(c.Verdict)).Append("\">").Append(E(c.Verdict))
                .Append("</td><td>").Append(E(c.Reason ?? string.Empty)).Append("</td></tr>");
        }

        h.Append("</table><p><a href=\"#summary\">Back to the summary</a> · ")
            .Append(field ? "The checks are described in Iskra's docs/passive-findings.md." : "Test cases follow OCA's <i>Test case document OCTT for OCPP 1.6</i> (FINAL 2024-04).")
            .Append(" Generated by Iskra.</p></body></html>");
        return h.ToString();
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
