using Iskra.Server.Tests.Infrastructure;
using Iskra.TestLab.Cases.V16;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>The 1.6 suite is held to OCA's list of charge-point cases (../shared/ocpp/testcases/ocpp1.6-cp-testcases.tsv).</summary>
public sealed class SuiteGuardTests
{
    private static readonly List<string[]> Rows = File.ReadAllLines(System.IO.Path.Combine(RepoRoot.Path, "..", "shared", "ocpp", "testcases", "ocpp1.6-cp-testcases.tsv"))
        .Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();

    [Fact]
    public void The_file_lists_the_102_cases_of_the_document()
    {
        Assert.Equal(102, Rows.Count);
    }

    [Fact]
    public void Every_id_of_the_file_is_a_case_or_listed_as_not_applicable_or_not_yet_built_and_only_one_of_them()
    {
        var cases = V16Cases.All.Select(c => c.Info.Id).ToList();
        var notApplicable = V16Cases.NotApplicable.Keys.ToList();
        var notYet = V16Cases.NotYetBuilt.Select(c => c.Id).ToList();
        var listed = cases.Concat(notApplicable).Concat(notYet).ToList();

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        var ids = Rows.Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        var invented = listed.Where(id => !ids.Contains(id)).ToList();
        var forgotten = ids.Where(id => !listed.Contains(id)).ToList();
        Assert.True(invented.Count == 0, "not in the file: " + string.Join(", ", invented));
        Assert.True(forgotten.Count == 0, "neither a case nor listed: " + string.Join(", ", forgotten));
    }

    [Fact]
    public void Each_case_carries_the_title_and_profile_of_its_row()
    {
        var rows = Rows.ToDictionary(r => r[0], StringComparer.Ordinal);
        foreach (var c in V16Cases.All)
        {
            var row = rows[c.Info.Id];
            Assert.Equal((c.Info.Id, row[1].Trim(), row[2].Trim()), (c.Info.Id, c.Info.Title, c.Info.Profile));
        }
    }

    [Fact]
    public void Every_not_applicable_id_says_why()
    {
        Assert.All(V16Cases.NotApplicable, n => Assert.True(n.Value.Reason.Length > 20, $"{n.Key}: '{n.Value.Reason}' is not a reason"));
    }
}
