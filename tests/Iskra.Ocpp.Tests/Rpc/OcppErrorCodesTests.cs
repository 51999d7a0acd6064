using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp.Tests.Rpc;

public sealed class OcppErrorCodesTests
{
    [Fact]
    public void Each_version_has_the_codes_of_its_specification()
    {
        Assert.Equal(
            ["FormationViolation", "GenericError", "InternalError", "NotImplemented", "NotSupported", "OccurenceConstraintViolation",
             "PropertyConstraintViolation", "ProtocolError", "SecurityError", "TypeConstraintViolation"],
            OcppErrorCodes.Names(OcppVersion.V16).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["FormatViolation", "GenericError", "InternalError", "MessageTypeNotSupported", "NotImplemented", "NotSupported",
             "OccurrenceConstraintViolation", "PropertyConstraintViolation", "ProtocolError", "RpcFrameworkError", "SecurityError",
             "TypeConstraintViolation"],
            OcppErrorCodes.Names(OcppVersion.V201).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(OcppErrorCode.FormatViolation, "FormationViolation", "FormatViolation")]
    [InlineData(OcppErrorCode.OccurrenceConstraintViolation, "OccurenceConstraintViolation", "OccurrenceConstraintViolation")]
    [InlineData(OcppErrorCode.RpcFrameworkError, "ProtocolError", "RpcFrameworkError")]
    [InlineData(OcppErrorCode.MessageTypeNotSupported, "ProtocolError", "MessageTypeNotSupported")]
    [InlineData(OcppErrorCode.NotImplemented, "NotImplemented", "NotImplemented")]
    public void Codes_are_spelled_per_version(OcppErrorCode code, string v16, string v201)
    {
        Assert.Equal(v16, code.ToWire(OcppVersion.V16));
        Assert.Equal(v201, code.ToWire(OcppVersion.V201));
    }

    [Fact]
    public void Every_code_has_a_spelling_in_both_versions_that_parses_back_in_that_version()
    {
        foreach (var code in Enum.GetValues<OcppErrorCode>())
        {
            foreach (var version in Enum.GetValues<OcppVersion>())
            {
                var wire = code.ToWire(version);
                Assert.Contains(wire, OcppErrorCodes.Names(version));
                Assert.True(OcppErrorCodes.TryParse(wire, version, out _));
            }
        }
    }

    [Theory]
    [InlineData("FormatViolation", OcppVersion.V16, OcppErrorCode.FormatViolation)]
    [InlineData("FormationViolation", OcppVersion.V201, OcppErrorCode.FormatViolation)]
    [InlineData("OccurrenceConstraintViolation", OcppVersion.V16, OcppErrorCode.OccurrenceConstraintViolation)]
    [InlineData("OccurenceConstraintViolation", OcppVersion.V201, OcppErrorCode.OccurrenceConstraintViolation)]
    public void Both_spellings_of_the_renamed_codes_are_accepted(string wire, OcppVersion version, OcppErrorCode expected)
    {
        Assert.True(OcppErrorCodes.TryParse(wire, version, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("RpcFrameworkError", OcppVersion.V16)]
    [InlineData("MessageTypeNotSupported", OcppVersion.V16)]
    [InlineData("notimplemented", OcppVersion.V201)]
    [InlineData("", OcppVersion.V201)]
    [InlineData(null, OcppVersion.V16)]
    public void Codes_a_version_does_not_have_do_not_parse(string? wire, OcppVersion version) =>
        Assert.False(OcppErrorCodes.TryParse(wire, version, out _));
}
