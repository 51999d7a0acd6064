using Iskra.Server.Transport;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Tests.Transport;

/// <summary>Handshakes in progress are capped per address (Ocpp:MaxHandshakesPerAddress).</summary>
public sealed class HandshakeGateTests
{
    [Fact]
    public void An_address_at_its_cap_is_refused_until_one_of_its_handshakes_ends_and_others_are_not_affected()
    {
        var gate = new HandshakeGate(Options.Create(new OcppServerOptions { MaxHandshakesPerAddress = 2 }));

        Assert.True(gate.TryEnter("192.0.2.1"));
        Assert.True(gate.TryEnter("192.0.2.1"));
        Assert.False(gate.TryEnter("192.0.2.1"));
        Assert.True(gate.TryEnter("192.0.2.2"));

        gate.Exit("192.0.2.1");
        Assert.True(gate.TryEnter("192.0.2.1"));
        Assert.False(gate.TryEnter("192.0.2.1"));
    }
}
