using System.Text;
using System.Text.Json;
using Iskra.TestLab.Reports;
using Iskra.TestLab.Runner;

namespace Iskra.Server.Api;

/// <summary>
/// A report (a lab run, or the passive findings of field traffic) in the format the client asks for:
/// <c>?format=html|json|junit</c>, else by <c>Accept</c> (no header, or <c>*/*</c>, means JSON); 406 otherwise.
/// </summary>
public static class RunReports
{
    public const string Summary = "HTML for people, JSON or JUnit XML for CI (by Accept, or ?format=html|json|junit)";

    public static IResult Write(RunView report, string? format, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        var chosen = format?.ToLowerInvariant() ?? FromAccept(request.Headers.Accept.ToString());
        return chosen switch
        {
            "html" => TypedResults.Content(HtmlReport.Write(report), "text/html; charset=utf-8", Encoding.UTF8),
            "json" => TypedResults.Content(JsonSerializer.Serialize(report, LabJsonContext.Default.RunView), "application/json; charset=utf-8", Encoding.UTF8),
            "junit" => TypedResults.Content(JUnitReport.Write(report), "application/junit+xml; charset=utf-8", Encoding.UTF8),
            _ => TypedResults.Problem(statusCode: 406, title: "Not acceptable", detail: "The report is text/html, application/json or application/junit+xml (or ?format=html|json|junit)."),
        };
    }

    /// <summary>The first of html, json, junit that the Accept header takes; no header (or */*) means JSON.</summary>
    private static string? FromAccept(string accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return "json";
        }

        foreach (var part in accept.Split(',', StringSplitOptions.TrimEntries))
        {
            var type = part.Split(';')[0].Trim().ToLowerInvariant();
            switch (type)
            {
                case "text/html":
                    return "html";
                case "application/json" or "*/*" or "application/*":
                    return "json";
                case "application/junit+xml" or "application/xml" or "text/xml":
                    return "junit";
            }
        }

        return null;
    }
}
