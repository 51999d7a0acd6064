namespace Iskra.Ocpp.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Subprotocols_parse_to_their_version()
    {
        Assert.True(OcppVersions.TryParseSubprotocol("ocpp1.6", out var v));
        Assert.Equal(OcppVersion.V16, v);
        Assert.False(OcppVersions.TryParseSubprotocol("ocpp1.5", out _));
    }
}
