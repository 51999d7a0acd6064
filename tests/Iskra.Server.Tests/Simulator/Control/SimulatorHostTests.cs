using Iskra.Ocpp;
using Iskra.Simulator.Control;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Control;

/// <summary>The in-process side of the control API: stations held by id.</summary>
public sealed class SimulatorHostTests
{
    private static StationOptions Options(string id) => new() { Id = id, CsmsUrl = new Uri("ws://127.0.0.1:1/ocpp"), Version = OcppVersion.V16 };

    [Fact]
    public async Task Stations_are_added_found_started_stopped_and_removed_by_id()
    {
        await using var host = new SimulatorHost();
        var b = host.Add(Options("B"));
        var a = host.Add(Options("A"));

        Assert.Equal(["A", "B"], host.Stations.Select(s => s.Id));
        Assert.Same(b, host.Get("B"));
        Assert.Null(host.Find("C"));
        Assert.Throws<KeyNotFoundException>(() => host.Get("C"));
        Assert.Throws<InvalidOperationException>(() => host.Add(Options("A")));

        Assert.True(host.Start("A"));
        Assert.False(host.Start("A"));
        Assert.True(a.IsRunning);
        await host.StopAsync("A");
        Assert.False(a.IsRunning);

        Assert.True(await host.RemoveAsync("B"));
        Assert.False(await host.RemoveAsync("B"));
        Assert.Equal(["A"], host.Stations.Select(s => s.Id));
    }
}
