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
        new TC_003_CS(),
        new TC_004_1_CS(),
        new TC_010_CS(),
        new TC_012_CS(),
        new TC_023_CS(),
        new TC_026_CS(),
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
}
