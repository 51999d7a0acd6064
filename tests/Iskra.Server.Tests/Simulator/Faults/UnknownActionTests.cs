using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator.Offline;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>
/// <see cref="StationFault.ResultForUnknownAction"/> for an action no OCPP version has: Iskra never sends
/// one (its raw call refuses unknown actions), so a scripted CSMS on loopback does.
/// </summary>
public sealed class UnknownActionTests
{
    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task An_unknown_action_is_NotImplemented_and_with_the_fault_an_empty_result(OcppVersion version)
    {
        await using var csms = await FakeCsms.StartAsync(version);
        await using var station = new SimStation(new StationOptions { Id = "unknown-" + version, Version = version, CsmsUrl = csms.Url });
        station.Start();
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => csms.CallAsync("FlyToTheMoon", "{}"));
        Assert.Equal("NotImplemented", error.ErrorCode);

        station.Faults.Set(StationFault.ResultForUnknownAction, true);
        var answer = await csms.CallAsync("FlyToTheMoon", "{}");
        Assert.Empty(answer.EnumerateObject());
        Assert.Contains(station.Log.Entries, e => e.Kind == "sent" && e.Text.StartsWith("[3,", StringComparison.Ordinal) && e.Text.EndsWith(",{}]", StringComparison.Ordinal));
    }
}
