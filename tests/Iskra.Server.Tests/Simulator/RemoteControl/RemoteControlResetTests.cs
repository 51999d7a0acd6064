using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.RemoteControl;

/// <summary>Reset from Iskra: the simulated station answers, ends its transaction, reboots and boots again.</summary>
public sealed class RemoteControlResetTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_hard_reset_stops_the_transaction_reboots_and_boots_again(OcppVersion version)
    {
        var id = $"sim-rc-reset-{version}";
        await Server.IdTagAsync("RC-RESET-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        await station.StartSessionAsync(1, "RC-RESET-" + version);
        await station.SettleAsync();

        // 1.6 Hard; the command sends 2.0.1 Immediate.
        var answer = await api.CommandAsync(id, "reset", """{"type":"Hard"}""");

        Assert.Equal("Accepted", answer.Status());
        // IsOnline alone holds as soon as the socket is back (the last registration was Accepted): wait for the new boot.
        await station.WaitUntilAsync(s => s.Connections == 2 && s.Sent("BootNotification").Count == 2, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var boots = station.Sent("BootNotification");
        if (version == OcppVersion.V201)
        {
            Assert.Equal("RemoteReset", boots[1].GetProperty("reason").GetString());
        }

        Assert.Equal(version == OcppVersion.V16 ? "HardReset" : "ImmediateReset", await api.StoppedReasonAsync(id));
        Assert.Null(station.Connector(1).Session);
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task An_on_idle_reset_is_scheduled_until_the_transaction_ends()
    {
        const string id = "sim-rc-reset-onidle";
        await Server.IdTagAsync("RC-ONIDLE");
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();
        await station.StartSessionAsync(1, "RC-ONIDLE");
        await station.SettleAsync();

        // A single EVSE is not reset by this station.
        Assert.Equal("Rejected", (await api.RawAsync(id, "Reset", """{"type":"Immediate","evseId":1}""")).Status());
        var answer = await api.RawAsync(id, "Reset", """{"type":"OnIdle"}""");

        Assert.Equal("Scheduled", answer.Status());
        await Task.Delay(800, TestContext.Current.CancellationToken);
        Assert.Equal(1, station.Connections);
        Assert.NotNull(station.Connector(1).Session);

        await station.UnplugAsync(1);
        // IsOnline alone holds as soon as the socket is back (the last registration was Accepted): wait for the new boot.
        await station.WaitUntilAsync(s => s.Connections == 2 && s.Sent("BootNotification").Count == 2, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal("EVDisconnected", await api.StoppedReasonAsync(id));
        Assert.Equal("ScheduledReset", station.Sent("BootNotification")[^1].GetProperty("reason").GetString()); // TC_B_21_CS
        await station.AssertSentFramesValidAsync();
    }
}
