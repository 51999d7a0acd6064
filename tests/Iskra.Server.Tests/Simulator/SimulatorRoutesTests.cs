using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.V16;
using Iskra.Simulator.V201;

namespace Iskra.Server.Tests.Simulator;

/// <summary>The simulator answers every action a CSMS may call, on both versions: each has a handler.</summary>
public sealed class SimulatorRoutesTests
{
    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public void Every_CSMS_initiated_action_has_a_handler(OcppVersion version)
    {
        var routed = version == OcppVersion.V16 ? V16Routes.Handlers.Keys : V201Routes.Handlers.Keys;
        var missing = OcppCatalogs.Actions(version)
            .Where(a => a.Direction != OcppDirection.StationToCsms)
            .Select(a => a.Name)
            .Except(routed, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"OCPP {version.DisplayName()} actions without a simulator handler: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public void Every_route_is_an_action_the_CSMS_calls(OcppVersion version)
    {
        var routed = version == OcppVersion.V16 ? V16Routes.Handlers.Keys : V201Routes.Handlers.Keys;

        Assert.All(routed, name => Assert.NotEqual(OcppDirection.StationToCsms, OcppCatalogs.Get(version, name).Direction));
    }
}
