using System.Globalization;
using System.Text;
using System.Xml;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Reports;

/// <summary>
/// A run as JUnit XML for CI: one test suite per feature profile, one test case per case; a failed case
/// carries its findings in <c>failure</c>, a skipped or not-applicable one a <c>skipped</c> with the reason.
/// </summary>
public static class JUnitReport
{
    public static string Write(RunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(text), settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", run.Kind == RunKinds.Field ? $"Iskra field report — {run.StationId}" : $"Iskra test lab {run.Suite} — station {run.StationId}");
            xml.WriteAttributeString("tests", Invariant(run.Cases.Count));
            xml.WriteAttributeString("failures", Invariant(run.Summary.Failed));
            xml.WriteAttributeString("skipped", Invariant(run.Summary.Skipped + run.Summary.NotApplicable));
            foreach (var profile in run.Cases.GroupBy(c => c.Profile, StringComparer.Ordinal))
            {
                var cases = profile.ToList();
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", profile.Key);
                xml.WriteAttributeString("tests", Invariant(cases.Count));
                xml.WriteAttributeString("failures", Invariant(cases.Count(c => c.Verdict == Verdicts.Failed)));
                xml.WriteAttributeString("skipped", Invariant(cases.Count(c => c.Verdict is Verdicts.Skipped or Verdicts.NotApplicable or Verdicts.Pending)));
                if (run.StartedAt is { } started)
                {
                    xml.WriteAttributeString("timestamp", started.UtcDateTime.ToString("s", CultureInfo.InvariantCulture));
                }

                foreach (var c in cases)
                {
                    WriteCase(xml, c);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.ToString();
    }

    private static void WriteCase(XmlWriter xml, CaseView c)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", c.Profile);
        xml.WriteAttributeString("name", $"{c.Id} {c.Title}");
        xml.WriteAttributeString("time", (c.Seconds ?? 0).ToString("0.0", CultureInfo.InvariantCulture));
        switch (c.Verdict)
        {
            case Verdicts.Failed:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", c.Findings.Count > 0 ? $"{c.Findings[0].Requirement}: expected {c.Findings[0].Expected}; observed {c.Findings[0].Observed}" : c.Reason ?? "failed");
                xml.WriteString(string.Join("\n\n", c.Findings.Select(f =>
                    $"Requirement: {f.Requirement}\nExpected: {f.Expected}\nObserved: {f.Observed}\nFix: {f.Fix}\nFrames:\n{string.Join("\n", f.Frames.Select(x => $"  {x.At:O} {x.From}: {x.Frame}"))}")));
                xml.WriteEndElement();
                break;
            case Verdicts.Skipped or Verdicts.NotApplicable or Verdicts.Pending:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", $"{c.Verdict}: {c.Reason ?? "not run"}");
                xml.WriteEndElement();
                break;
        }

        xml.WriteEndElement();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class StringWriterUtf8(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
