using System.Text;
using Iskra.Server.Transport;

namespace Iskra.Server.Tests.Transport;

public sealed class StationIdsTests
{
    [Theory]
    [InlineData("/ocpp/CP001", "CP001")]
    [InlineData("/ocpp/CP001?x=1", "CP001")]
    [InlineData("/OCPP/CP001", "CP001")]
    [InlineData("/ocpp/A-Z_a=z:0+9|x@y.z*", "A-Z_a=z:0+9|x@y.z*")]
    [InlineData("/ocpp/CP%2B1", "CP+1")]
    [InlineData("/ocpp/...a", "...a")]
    [InlineData("/ocpp/123456789012345678901234567890123456789012345678", "123456789012345678901234567890123456789012345678")]
    public void Ids_within_the_rules_are_read_from_the_raw_target(string target, string expected)
    {
        Assert.True(StationIds.TryParseRawTarget(target, out var id, out _));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("/ocpp/")]
    [InlineData("/ocpp/1234567890123456789012345678901234567890123456789")]
    [InlineData("/ocpp/..")]
    [InlineData("/ocpp/.")]
    [InlineData("/ocpp/%2E%2E")]
    [InlineData("/ocpp/%2F")]
    [InlineData("/ocpp/a/b")]
    [InlineData("/ocpp/a%2Fb")]
    [InlineData("/ocpp/bad%20id")]
    [InlineData("/ocpp/caf%C3%A9")]
    [InlineData("/ocpp/%00")]
    [InlineData("/ocpp/%ZZ")]
    [InlineData("/ocpp/a%3Cscript%3E")]
    [InlineData("/other/CP001")]
    [InlineData("*")]
    [InlineData(null)]
    public void Ids_outside_the_rules_are_refused(string? target) =>
        Assert.False(StationIds.TryParseRawTarget(target, out _, out _));

    [Fact]
    public void A_refused_id_is_escaped_and_truncated_before_anyone_stores_it()
    {
        Assert.Equal("a%2Fb%0A%3Cx%3E%uFFFF%25", StationIds.Escape("a/b\n<x>\uffff%"));
        Assert.Equal(StationIds.MaxEscapedLength, StationIds.Escape(new string('x', 1000)).Length);
        Assert.Equal(string.Empty, StationIds.Escape(null));
    }

    [Theory]
    [InlineData("CP1:secret", "CP1", "secret")]
    [InlineData("CP1:pa:ss", "CP1", "pa:ss")]
    [InlineData("CP1:", "CP1", "")]
    [InlineData("CP1:pässword", "CP1", "pässword")]
    public void Basic_credentials_are_read_up_to_the_first_colon(string plain, string user, string password)
    {
        Assert.True(BasicCredentials.TryParse("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(plain)), out var u, out var p));
        Assert.Equal(user, u);
        Assert.Equal(password, p);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Basic not-base64!")]
    [InlineData("Basic Q1AxLXNlY3JldA==")] // "CP1-secret": no colon
    public void Anything_else_is_not_basic_credentials(string? header) =>
        Assert.False(BasicCredentials.TryParse(header, out _, out _));
}
