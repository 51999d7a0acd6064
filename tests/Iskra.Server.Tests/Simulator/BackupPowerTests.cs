using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator.Faults;

namespace Iskra.Server.Tests.Simulator;

/// <summary>A station on back-up power (OCTT 1.6 TC_032_1) ends its transactions and reports them before a power cut takes it down.</summary>
public sealed class BackupPowerTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    [Fact]
    public async Task On_back_up_power_a_power_cut_stops_the_transaction_as_PowerLoss_before_the_station_goes_down()
    {
        var server = shared.Server;
        const string id = "sim-backup-power";
        await server.IdTagAsync("T-" + id);
        await using var station = await SimulatedStations.StartAsync(server, id, OcppVersion.V16, o => o with { BackupPower = true });
        await station.StartSessionAsync(1, "T-" + id);
        await station.WaitUntilAsync(s => s.Connector(1).Session?.CsmsTransactionId is not null, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        await station.PowerCutAsync();

        Assert.False(station.IsOnline);
        Assert.Null(station.Connector(1).Session);
        var stop = Assert.Single(station.Sent("StopTransaction"));
        Assert.Equal("PowerLoss", stop.GetProperty("reason").GetString());
        Assert.Equal("Finishing", station.Sent("StatusNotification")[^1].GetProperty("status").GetString());
        var transaction = await server.OnlyTransactionAsync(id);
        Assert.Equal("PowerLoss", transaction.GetProperty("stopReason").GetString());
    }
}
