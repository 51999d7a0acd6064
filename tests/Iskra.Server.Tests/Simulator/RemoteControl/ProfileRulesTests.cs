using System.Globalization;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Model;

namespace Iskra.Server.Tests.Simulator.RemoteControl;

/// <summary>A 1.6 station without the Reservation or Local Auth List Management profile, and the 1.6 states of a reserved connector.</summary>
public sealed class ProfileRulesTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private static string Reserve(int connectorId, string idTag) =>
        $$"""{"connectorId":{{connectorId}},"expiryDate":"{{DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}}","idTag":"{{idTag}}","reservationId":71}""";

    [Fact]
    public async Task Without_the_profiles_a_reservation_is_Rejected_and_a_local_list_NotSupported()
    {
        const string id = "sim-no-profiles";
        await using var station = await SimulatedStations.StartAsync(shared.Server, id, OcppVersion.V16, o => o with
        {
            Configuration = new Dictionary<string, string> { ["SupportedFeatureProfiles"] = "Core,RemoteTrigger" },
        });
        using var api = shared.Server.Api();

        Assert.Equal("Rejected", (await api.RawAsync(id, "ReserveNow", Reserve(1, "NOPROF-1"))).Status());
        Assert.Equal("NotSupported", (await api.RawAsync(id, "SendLocalList", """{"listVersion":1,"updateType":"Full","localAuthorizationList":[{"idTag":"NOPROF-1","idTagInfo":{"status":"Accepted"}}]}""")).Status());
        Assert.Equal(-1, (await api.RawAsync(id, "GetLocalListVersion", "{}")).GetProperty("listVersion").GetInt32());
        Assert.Null(station.Connector(1).Reservation);
        Assert.Empty(station.Authorization.List);
    }

    [Fact]
    public async Task A_reserved_connector_reports_Preparing_before_its_transaction_starts()
    {
        const string id = "sim-res-prep";
        await shared.Server.IdTagAsync("RESPREP-1");
        await using var station = await SimulatedStations.StartAsync(shared.Server, id, OcppVersion.V16);
        using var api = shared.Server.Api();
        Assert.Equal("Accepted", (await api.RawAsync(id, "ReserveNow", Reserve(1, "RESPREP-1"))).Status());
        await station.WaitUntilAsync(s => s.Connector(1).Status == ConnectorStatus.Reserved, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));

        Assert.Equal("Accepted", await station.PresentCardAsync(1, "RESPREP-1"));

        await station.WaitUntilAsync(s => s.Connector(1).Session is not null, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await station.SettleAsync();
        var statuses = station.Sent("StatusNotification").Where(s => s.GetProperty("connectorId").GetInt32() == 1).Select(s => s.GetProperty("status").GetString()).ToList();
        var reserved = statuses.LastIndexOf("Reserved");
        Assert.Equal(["Reserved", "Preparing", "Charging"], statuses.Skip(reserved).Take(3)); // 1.6 §4.9: G2, then B3
        Assert.Equal(71, Assert.Single(station.Sent("StartTransaction")).GetProperty("reservationId").GetInt32());
        await station.UnplugAsync(1);
        await station.SettleAsync();
    }
}
