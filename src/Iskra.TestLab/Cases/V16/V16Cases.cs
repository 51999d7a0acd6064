using Iskra.TestLab.Cases.V16.Core;
using Iskra.TestLab.Cases.V16.Firmware;
using Iskra.TestLab.Cases.V16.LocalAuthList;
using Iskra.TestLab.Cases.V16.RemoteTrigger;
using Iskra.TestLab.Cases.V16.Reservation;
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
        new TC_002_CS(),
        new TC_003_CS(),
        new TC_004_1_CS(),
        new TC_004_2_CS(),
        new TC_068_CS(),
        new TC_069_CS(),
        new TC_007_CS(),
        new TC_061_CS(),
        new TC_010_CS(),
        new TC_011_1_CS(),
        new TC_011_2_CS(),
        new TC_012_CS(),
        new TC_013_CS(),
        new TC_014_CS(),
        new TC_015_CS(),
        new TC_016_CS(),
        new TC_017_1_CS(),
        new TC_017_2_CS(),
        new TC_018_1_CS(),
        new TC_018_2_CS(),
        new TC_019_CS(),
        new TC_021_CS(),
        new TC_070_CS(),
        new TC_071_CS(),
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
        new TC_042_1_CS(),
        new TC_042_2_CS(),
        new TC_043_CS(),
        new TC_043_1_CS(),
        new TC_043_2_CS(),
        new TC_008_CS(),
        new TC_044_1_CS(),
        new TC_044_2_CS(),
        new TC_045_1_CS(),
        new TC_045_2_CS(),
        new TC_046_1_CS(),
        new TC_046_2_CS(),
        new TC_047_CS(),
        new TC_048_1_CS(),
        new TC_048_2_CS(),
        new TC_048_3_CS(),
        new TC_048_4_CS(),
        new TC_049_CS(),
        new TC_050_1_CS(),
        new TC_050_2_CS(),
        new TC_050_3_CS(),
        new TC_050_4_CS(),
        new TC_051_CS(),
        new TC_052_CS(),
        new TC_053_CS(),
        new TC_054_CS(),
        new TC_055_CS(),
    ];

    public static IReadOnlyDictionary<string, NotApplicable> NotApplicable { get; } = new Dictionary<string, NotApplicable>(StringComparer.Ordinal);

    /// <summary>
    /// Document ids that are neither a case nor not applicable yet: they are still to be written. A run shows
    /// each one of a declared profile as skipped ("not built yet"), so a report never hides them.
    /// </summary>
    public static IReadOnlyList<(string Id, string Title, string Profile)> NotYetBuilt { get; } = [];
}
