using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.RemoteControl;

/// <summary>1.6 §4.5: a triggered FirmwareStatusNotification reports the update in progress, and Idle when none is (also after one failed).</summary>
public sealed class TriggeredFirmwareStatusTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    [Theory]
    [InlineData("sim-fwt-1", "DownloadFailed", "Idle")]
    [InlineData("sim-fwt-2", "InstallationFailed", "Idle")]
    [InlineData("sim-fwt-3", "Installed", "Idle")]
    [InlineData("sim-fwt-4", "Downloading", "Downloading")]
    [InlineData("sim-fwt-5", "Installing", "Installing")]
    public async Task A_triggered_firmware_status_is_Idle_unless_an_update_is_in_progress(string id, string last, string reported)
    {
        await using var station = await SimulatedStations.StartAsync(shared.Server, id, OcppVersion.V16);
        using var api = shared.Server.Api();
        await station.SettleAsync();
        station.FirmwareStatus = last;

        var answer = await api.CommandAsync(id, "trigger-message", """{"message":"FirmwareStatusNotification"}""");

        Assert.Equal("Accepted", answer.Status());
        await station.WaitForSentAsync("FirmwareStatusNotification");
        Assert.Equal(reported, station.Sent("FirmwareStatusNotification")[0].GetProperty("status").GetString());
    }
}
