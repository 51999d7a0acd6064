using Iskra.TestLab.Cases.V16.Core;
using Iskra.TestLab.Cases.V16.Security;
using Iskra.TestLab.Cases.V16.SmartCharging;
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
        new TC_056_CS(),
        new TC_057_CS(),
        new TC_058_1_CS(),
        new TC_058_2_CS(),
        new TC_082_CS(),
        new TC_066_CS(),
        new TC_067_CS(),
        new TC_072_CS(),
        new TC_059_CS(),
        new TC_060_CS(),
        new TC_073_CS(),
        new TC_075_1_CS(),
        new TC_075_2_CS(),
        new TC_076_CS(),
        new TC_078_CS(),
        new TC_084_CS(),
        new TC_085_CS(),
    ];

    public static IReadOnlyDictionary<string, NotApplicable> NotApplicable { get; } = new Dictionary<string, NotApplicable>(StringComparer.Ordinal)
    {
        ["TC_086_CS"] = new("TLS - server-side certificate - Valid certificate", "Security (1.6 security whitepaper)",
            "Its checks are of the TLS handshake (the station's TLS version and cipher suites before the server certificate is sent) and of the HTTP upgrade request; the lab runs on the station's already established OCPP connection inside Iskra and sees neither the handshake nor the request."),
        ["TC_087_CS"] = new("TLS - Client-side certificate - valid certificate", "Security (1.6 security whitepaper)",
            "Its checks are of the TLS handshake (TLS version, cipher suites and the client certificate's key length, before the handshake finishes); the lab runs on the station's already established OCPP connection inside Iskra and does not see the handshake."),
    };
}
