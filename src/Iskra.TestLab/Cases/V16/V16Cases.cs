using Iskra.TestLab.Cases.V16.Core;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16;

/// <summary>
/// The explicit list of the 1.6 suite, in the document's order: every id of
/// <c>ocpp1.6-cp-testcases.tsv</c> is a case here, or listed with the reason it is not run
/// (a guard test holds both to the file).
/// </summary>
public static class V16Cases
{
    public static IReadOnlyList<LabCase> All { get; } =
    [
        new TC_001_CS(),
        new TC_003_CS(),
        new TC_004_1_CS(),
        new TC_010_CS(),
        new TC_012_CS(),
        new TC_023_CS(),
        new TC_024_CS(),
        new TC_026_CS(),
        new TC_027_CS(),
        new TC_028_CS(),
        new TC_030_CS(),
        new TC_031_CS(),
        new TC_032_1_CS(),
        new TC_032_2_CS(),
        new TC_034_CS(),
        new TC_036_CS(),
        new TC_037_1_CS(),
        new TC_037_2_CS(),
        new TC_037_3_CS(),
        new TC_038_CS(),
        new TC_039_CS(),
        new TC_040_1_CS(),
        new TC_040_2_CS(),
        new TC_041_CS(),
        new TC_062_CS(),
    ];

    public static IReadOnlyDictionary<string, NotApplicable> NotApplicable { get; } = new Dictionary<string, NotApplicable>(StringComparer.Ordinal);
}
