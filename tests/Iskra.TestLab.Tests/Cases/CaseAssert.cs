using System.Text.Json;
using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>Assertions on a finished run's cases, with the run in the message when one fails.</summary>
internal static class CaseAssert
{
    public static void Verdict(JsonElement run, string expected, params string[] ids)
    {
        foreach (var id in ids)
        {
            var result = LabHarness.Case(run, id);
            Assert.True(result.GetProperty("verdict").GetString() == expected, $"{id} is not {expected}: {result}");
        }
    }

    /// <summary>The single finding of <paramref name="id"/> that has <paramref name="check"/>.</summary>
    public static JsonElement Finding(JsonElement run, string id, string check)
    {
        var result = LabHarness.Case(run, id);
        var findings = result.GetProperty("findings").EnumerateArray().ToList();
        Assert.True(findings.Count(f => f.GetProperty("check").GetString() == check) == 1, $"{id} has no single finding {check}: {result}");
        return findings.Single(f => f.GetProperty("check").GetString() == check);
    }
}
