using Iskra.Csms.Authorization;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Authorization;
using Iskra.Simulator.Model;

namespace Iskra.Server.Tests.Simulator;

/// <summary>StopTransactionOnInvalidId (1.6 §5.16, 2.0.1 E05): a card the station let start, refused by Iskra in the start answer.</summary>
public sealed class DeauthorizedStartTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_card_refused_in_the_start_answer_stops_the_transaction_as_DeAuthorized(OcppVersion version)
    {
        var server = shared.Server;
        var id = $"sim-deauth-{version}";
        var card = "BLK-" + version;
        await server.IdTagAsync(card, IdTagStatus.Blocked);
        await using var station = await SimulatedStations.StartAsync(server, id, version, o => o with
        {
            Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1", ["LocalPreAuthorize"] = "true" },
        });
        station.Authorization.Update(1, full: true, [(card, new IdTagEntry(card, "Accepted"))]); // the station's list still has it

        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        Assert.Equal("Accepted", await station.PresentCardAsync(1, card));
        await station.WaitUntilAsync(s => s.Sent(version == OcppVersion.V16 ? "StopTransaction" : "TransactionEvent").Count > (version == OcppVersion.V16 ? 0 : 1)
            && s.Connector(1).Session is null, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await station.SettleAsync();

        using var api = server.Api();
        var list = await (await api.GetAsync($"/api/transactions?stationId={id}", TestContext.Current.CancellationToken)).JsonAsync(200);
        var transaction = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("DeAuthorized", transaction.GetProperty("stopReason").GetString());
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task With_StopTransactionOnInvalidId_false_a_refused_card_keeps_its_transaction_but_gets_no_more_energy(OcppVersion version)
    {
        var server = shared.Server;
        var id = $"sim-deauth-keep-{version}";
        var card = "BLK-K-" + version;
        await server.IdTagAsync(card, IdTagStatus.Blocked);
        await using var station = await SimulatedStations.StartAsync(server, id, version, o => o with
        {
            Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1", ["LocalPreAuthorize"] = "true", ["StopTransactionOnInvalidId"] = "false" },
        });
        station.Authorization.Update(1, full: true, [(card, new IdTagEntry(card, "Accepted"))]);

        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        Assert.Equal("Accepted", await station.PresentCardAsync(1, card));

        // 1.6 §3.5.1: "only stop energy delivery to the vehicle".
        await station.WaitUntilAsync(s => s.Connector(1).Status == ConnectorStatus.SuspendedEVSE, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.NotNull(station.Connector(1).Session);
        Assert.Equal(0, station.Connector(1).PowerW);
        Assert.Empty(station.Sent("StopTransaction"));
    }
}
