using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator.RemoteControl;
using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator;

/// <summary>
/// The cable unplugged at the EV during a transaction on a socket-outlet station (1.6 §4.9, §4.10, §9.1.23,
/// §9.1.33): StopTransactionOnEVSideDisconnect decides whether the transaction stops, UnlockConnectorOnEVSideDisconnect
/// whether the socket lets the cable go; a cable left in the socket keeps the connector Finishing.
/// </summary>
public sealed class EvSideDisconnectTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IskraServer Server => shared.Server;

    [Fact]
    public async Task Both_keys_are_read_write_booleans_the_CSMS_can_read_and_change()
    {
        const string id = "sim-evside-keys";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V16);
        using var api = Server.Api();

        var keys = await api.RawAsync(id, "GetConfiguration", """{"key":["StopTransactionOnEVSideDisconnect","UnlockConnectorOnEVSideDisconnect"]}""");
        var reported = keys.GetProperty("configurationKey").EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!, k => (k.GetProperty("readonly").GetBoolean(), k.GetProperty("value").GetString()));
        Assert.Equal((false, "true"), reported["StopTransactionOnEVSideDisconnect"]);
        Assert.Equal((false, "true"), reported["UnlockConnectorOnEVSideDisconnect"]);

        Assert.Equal("Accepted", (await api.RawAsync(id, "ChangeConfiguration", """{"key":"UnlockConnectorOnEVSideDisconnect","value":"false"}""")).Status());
        Assert.Equal("Rejected", (await api.RawAsync(id, "ChangeConfiguration", """{"key":"StopTransactionOnEVSideDisconnect","value":"sometimes"}""")).Status());
        Assert.Equal("false", station.Configuration.Get("UnlockConnectorOnEVSideDisconnect"));
        Assert.Equal("true", station.Configuration.Get("StopTransactionOnEVSideDisconnect"));
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task With_both_keys_true_the_transaction_stops_the_lock_opens_and_the_connector_is_Finishing_until_the_cable_is_taken_out(OcppVersion version)
    {
        var id = $"sim-evside-stop-{version}";
        await Server.IdTagAsync("EVSIDE-1-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        await station.StartSessionAsync(1, "EVSIDE-1-" + version);
        Assert.True(station.Connector(1).CableLocked);

        await station.UnplugAsync(1);
        await station.SettleAsync();

        var connector = station.Connector(1);
        Assert.Null(connector.Session);
        Assert.Equal(ConnectorStatus.Finishing, connector.Status);
        Assert.True(connector.CableInSocket);
        Assert.False(connector.CableLocked);
        Assert.Equal("EVDisconnected", await api.StoppedReasonAsync(id));
        if (version == OcppVersion.V16)
        {
            var finishing = LastStatus(station);
            Assert.Equal("Finishing", finishing.GetProperty("status").GetString());
            Assert.Equal("EV side disconnected", finishing.GetProperty("info").GetString());
        }

        await station.UnplugAsync(1);
        await api.WaitForStatusAsync(id, version, 1, "Available");
        Assert.False(station.Connector(1).CableInSocket);
        await Assert.ThrowsAsync<InvalidOperationException>(() => station.UnplugAsync(1)); // nothing left to unplug
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task With_UnlockConnectorOnEVSideDisconnect_false_the_cable_stays_locked_until_the_CSMS_unlocks_it()
    {
        const string id = "sim-evside-locked";
        await Server.IdTagAsync("EVSIDE-2");
        await using var station = await StartAsync(id, stop: true, unlock: false);
        using var api = Server.Api();
        await station.StartSessionAsync(1, "EVSIDE-2");

        await station.UnplugAsync(1);
        await station.SettleAsync();

        Assert.Equal("EVDisconnected", await api.StoppedReasonAsync(id));
        Assert.Equal(ConnectorStatus.Finishing, station.Connector(1).Status);
        Assert.True(station.Connector(1).CableLocked);
        await Assert.ThrowsAsync<InvalidOperationException>(() => station.UnplugAsync(1)); // locked in the socket

        Assert.Equal("Unlocked", (await api.CommandAsync(id, "unlock", """{"connectorId":1}""")).Status());
        Assert.False(station.Connector(1).CableLocked);
        Assert.Equal(ConnectorStatus.Finishing, station.Connector(1).Status); // still in the socket

        await station.UnplugAsync(1);
        await api.WaitForStatusAsync(id, OcppVersion.V16, 1, "Available");
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task With_StopTransactionOnEVSideDisconnect_false_the_transaction_goes_on_suspended_and_the_cable_stays_locked()
    {
        const string id = "sim-evside-keep";
        await Server.IdTagAsync("EVSIDE-3");
        await using var station = await StartAsync(id, stop: false, unlock: true); // false has priority: the cable stays locked (1.6 §4.10)
        using var api = Server.Api();
        var transaction = await station.StartSessionAsync(1, "EVSIDE-3");

        await station.UnplugAsync(1);
        await station.SettleAsync();

        var connector = station.Connector(1);
        Assert.Equal(transaction, connector.Session?.LocalId);
        Assert.Equal(ConnectorStatus.SuspendedEV, connector.Status);
        Assert.True(connector.CableLocked);
        var suspended = LastStatus(station);
        Assert.Equal(("SuspendedEV", "NoError", "EV side disconnected"),
            (suspended.GetProperty("status").GetString(), suspended.GetProperty("errorCode").GetString(), suspended.GetProperty("info").GetString()));
        Assert.Empty(station.Sent("StopTransaction"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => station.UnplugAsync(1));

        // The EV comes back: energy flows again in the same transaction.
        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        await station.WaitUntilAsync(s => s.Connector(1).Status == ConnectorStatus.Charging, TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(transaction, station.Connector(1).Session?.LocalId);

        // Unplugged again and stopped remotely: Finishing with the cable unlocked, then Available once it is out.
        await station.UnplugAsync(1);
        var remote = await api.CommandAsync(id, "remote-stop", $$"""{"transactionId":{{station.Connector(1).Session!.CsmsTransactionId}}}""");
        Assert.Equal("Accepted", remote.Status());
        await station.WaitUntilAsync(s => s.Connector(1).Session is null, TimeSpan.FromSeconds(5), Ct);
        await station.SettleAsync();
        Assert.Equal("Remote", await api.StoppedReasonAsync(id));
        Assert.Equal(ConnectorStatus.Finishing, station.Connector(1).Status);
        Assert.False(station.Connector(1).CableLocked);
        await station.UnplugAsync(1);
        await api.WaitForStatusAsync(id, OcppVersion.V16, 1, "Available");
        await station.AssertSentFramesValidAsync();
    }

    private async Task<SimStation> StartAsync(string id, bool stop, bool unlock) =>
        await SimulatedStations.StartAsync(Server, id, OcppVersion.V16, o => o with
        {
            Configuration = new Dictionary<string, string>(o.Configuration)
            {
                ["StopTransactionOnEVSideDisconnect"] = stop ? "true" : "false",
                ["UnlockConnectorOnEVSideDisconnect"] = unlock ? "true" : "false",
            },
        });

    private static JsonElement LastStatus(SimStation station) =>
        station.Sent("StatusNotification").Last(s => s.GetProperty("connectorId").GetInt32() == 1);
}
