using Iskra.Csms.Tariffs;
using Iskra.Csms.Tariffs.Export;

namespace Iskra.Csms.Tests.Tariffs;

public sealed class CdrOcpiSignedDataTests
{
    private const string BeginPayload = "{\"FV\":\"1.0\",\"RD\":[{\"TX\":\"B\",\"RV\":1.000}]}";
    private const string EndPayload = "{\"FV\":\"1.0\",\"RD\":[{\"TX\":\"E\",\"RV\":13.345}]}";

    private static OcpiSignedData? SignedData(params SignedReading[] readings) =>
        CdrOcpi.From(CdrSamples.Record(signedDataJson: CdrSamples.Signed(readings)), OcpiParty.Default).SignedData;

    [Fact]
    public void OCMF_values_give_encoding_OCMF_their_payload_as_plain_data_and_a_nature_from_the_reading_context()
    {
        // OCPI 2.2.1 §10.4.7/§10.4.8; OCMF: OCMF|{payload}|{signature}.
        var begin = $"OCMF|{BeginPayload}|{{\"SD\":\"3045AB\"}}";
        var sample = "OCMF|{\"FV\":\"1.0\"}|{\"SD\":\"30CD\"}";
        var end = $"OCMF|{EndPayload}|{{\"SD\":\"3046EF\"}}";

        var data = SignedData(
            new(CdrSamples.Start, "Transaction.Begin", begin, PublicKey: "MFkwEwYH"),
            new(CdrSamples.Start.AddHours(1), "Sample.Periodic", sample),
            new(CdrSamples.Start.AddHours(2), "Transaction.End", end));

        Assert.NotNull(data);
        Assert.Equal(("OCMF", "MFkwEwYH", null), (data.EncodingMethod, data.PublicKey, data.EncodingMethodVersion));
        Assert.Equal(
            [("Start", BeginPayload, begin), ("Intermediate", "{\"FV\":\"1.0\"}", sample), ("End", EndPayload, end)],
            data.SignedValues.Select(v => (v.Nature, v.PlainData, v.SignedData)));
    }

    [Fact]
    public void Other_signed_values_keep_the_stations_encoding_method_then_signing_method_then_UNKNOWN()
    {
        // OCPP 2.0.1 SignedMeterValueType: signedMeterData (base64), signingMethod, encodingMethod, publicKey.
        var both = SignedData(new SignedReading(CdrSamples.Start, "Transaction.Begin", "QUJD", SigningMethod: "ECDSA-secp256r1-SHA256", EncodingMethod: "EDL"));
        var signingOnly = SignedData(new SignedReading(CdrSamples.Start, "Transaction.End", "REVG", SigningMethod: "ECDSA-secp256r1-SHA256"));
        var neither = SignedData(new SignedReading(CdrSamples.Start, null, "R0hJ"));

        Assert.Equal("EDL", both!.EncodingMethod);
        Assert.Equal("ECDSA-secp256r1-SHA256", signingOnly!.EncodingMethod);
        Assert.Equal("UNKNOWN", neither!.EncodingMethod);
        Assert.Equal(("Intermediate", "R0hJ", "R0hJ"), (neither.SignedValues[0].Nature, neither.SignedValues[0].PlainData, neither.SignedValues[0].SignedData));
        Assert.Null(neither.PublicKey);
    }

    [Fact]
    public void A_record_without_signed_values_has_no_signed_data()
    {
        Assert.Null(CdrOcpi.From(CdrSamples.Record(signedDataJson: null), OcpiParty.Default).SignedData);
        Assert.Null(CdrOcpi.From(CdrSamples.Record(signedDataJson: "[]"), OcpiParty.Default).SignedData);
        Assert.Null(SignedData(new SignedReading(CdrSamples.Start, "Transaction.Begin", null)));
    }
}
