using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.RemoteControl;

/// <summary>ChangeAvailability from Iskra: the station reports Unavailable, at once or when its transaction ends.</summary>
public sealed class RemoteControlAvailabilityTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task An_idle_connector_goes_unavailable_and_comes_back(OcppVersion version)
    {
        var id = $"sim-rc-avail-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        await station.SettleAsync();

        var inoperative = await api.CommandAsync(id, "change-availability", """{"connectorId":2,"type":"Inoperative"}""");

        Assert.Equal("Accepted", inoperative.Status());
        await api.WaitForStatusAsync(id, version, 2, "Unavailable");
        Assert.Equal("Available", await api.ConnectorStatusAsync(id, version, 1));

        // An unavailable connector takes no transaction.
        await Server.IdTagAsync("RC-AVAIL-" + version);
        await station.PlugInAsync(2);
        Assert.Equal("ConnectorBusy", await station.PresentCardAsync(2, "RC-AVAIL-" + version));

        var operative = await api.CommandAsync(id, "change-availability", """{"connectorId":2,"type":"Operative"}""");

        Assert.Equal("Accepted", operative.Status());
        await api.WaitForStatusAsync(id, version, 2, version == OcppVersion.V16 ? "Preparing" : "Occupied");
        Assert.Equal("Rejected", (await api.CommandAsync(id, "change-availability", """{"connectorId":7,"type":"Inoperative"}""")).Status());
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task The_whole_station_goes_inoperative_and_a_charging_connector_follows_when_its_transaction_ends(OcppVersion version)
    {
        var id = $"sim-rc-avail0-{version}";
        await Server.IdTagAsync("RC-AVAIL0-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        await station.StartSessionAsync(1, "RC-AVAIL0-" + version);
        await station.SettleAsync();

        var answer = await api.CommandAsync(id, "change-availability", """{"connectorId":0,"type":"Inoperative"}""");

        Assert.Equal("Scheduled", answer.Status());
        await api.WaitForStatusAsync(id, version, 2, "Unavailable");
        Assert.NotNull(station.Connector(1).Session);
        Assert.NotEqual("Unavailable", await api.ConnectorStatusAsync(id, version, 1));
        if (version == OcppVersion.V16)
        {
            // 1.6 §4.9: connector 0 is the station itself: Available after boot, Unavailable now.
            await api.WaitForStatusAsync(id, version, 0, "Unavailable");
            Assert.Equal(
                ["Available", "Unavailable"],
                station.Sent("StatusNotification").Where(s => s.GetProperty("connectorId").GetInt32() == 0).Select(s => s.GetProperty("status").GetString()));
        }

        await station.UnplugAsync(1); // at the EV: the transaction ends, the cable is still in the socket
        await station.SettleAsync();
        await station.UnplugAsync(1); // the cable comes out: the scheduled change applies

        await api.WaitForStatusAsync(id, version, 1, "Unavailable");
        Assert.Equal("EVDisconnected", await api.StoppedReasonAsync(id));
        await station.AssertSentFramesValidAsync();
    }
}
