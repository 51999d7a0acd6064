using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Model;

namespace Iskra.Server.Tests.Simulator.SmartCharging;

/// <summary>Reservations (1.6 §5.13/§5.3, 2.0.1 H01–H04) of a simulated station driven through Iskra's API, on both versions.</summary>
public sealed class SimulatedReservationTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    private static string Reserve(int connectorId, string idTag, TimeSpan expiresIn, int? reservationId = null) =>
        $$"""{"connectorId":{{connectorId}},"expiryDate":"{{DateTimeOffset.UtcNow.Add(expiresIn).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}}","idTag":"{{idTag}}"{{(reservationId is { } r ? $",\"reservationId\":{r}" : "")}}}""";

    private static async Task<JsonElement> ReservationAsync(HttpClient api, string stationId, int reservationId)
    {
        var list = await (await api.GetAsync($"/api/stations/{stationId}/reservations", TestContext.Current.CancellationToken)).JsonAsync(200);
        return list.GetProperty("items").EnumerateArray().First(r => r.GetProperty("reservationId").GetInt32() == reservationId);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_reserved_connector_takes_only_its_card_and_the_transaction_carries_the_reservation(OcppVersion version)
    {
        var id = $"sim-res-use-{version}";
        var (mine, other) = ("RES-MINE-" + version, "RES-OTHER-" + version);
        await Server.IdTagAsync(mine);
        await Server.IdTagAsync(other);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();

        var reserved = await api.CommandAsync(id, "reserve-now", Reserve(1, mine, TimeSpan.FromMinutes(5)));
        Assert.Equal("Accepted", reserved.GetProperty("status").GetString());
        var reservationId = reserved.GetProperty("reservationId").GetInt32();
        await api.WaitForStatusAsync(id, 1, "Reserved");

        // 1.6 §5.13: connector 0 needs ReserveConnectorZeroSupported (2.0.1: no EVSE needs ReservationCtrlr.NonEvseSpecific).
        Assert.Equal("Rejected", (await api.CommandAsync(id, "reserve-now", Reserve(0, other, TimeSpan.FromMinutes(5)))).GetProperty("status").GetString());
        Assert.Equal("Occupied", (await api.CommandAsync(id, "reserve-now", Reserve(1, other, TimeSpan.FromMinutes(5)))).GetProperty("status").GetString());

        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        Assert.Equal("ConnectorBusy", await station.PresentCardAsync(1, other));
        Assert.Null(station.Connector(1).Session);
        Assert.Equal("Accepted", await station.PresentCardAsync(1, mine));
        await station.WaitUntilAsync(s => s.Connector(1).Session is not null, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(reservationId, station.Connector(1).Session!.ReservationId);
        await station.WaitUntilAsync(s => s.QueuedTransactionMessages == 0, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var started = version == OcppVersion.V16
            ? Assert.Single(station.Sent("StartTransaction"))
            : Assert.Single(station.Sent("TransactionEvent"), e => e.GetProperty("eventType").GetString() == "Started");
        Assert.Equal(reservationId, started.GetProperty("reservationId").GetInt32());

        await api.ActiveTransactionAsync(id);
        var used = await ReservationAsync(api, id, reservationId);
        Assert.NotEqual(JsonValueKind.Null, used.GetProperty("usedAt").ValueKind);
        Assert.False(used.GetProperty("active").GetBoolean());
        Assert.Equal("Occupied", (await api.CommandAsync(id, "reserve-now", Reserve(1, other, TimeSpan.FromMinutes(5)))).GetProperty("status").GetString());

        await station.UnplugAsync(1);
        await station.SettleAsync();
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_card_of_the_reserved_group_may_use_the_reservation(OcppVersion version)
    {
        var id = $"sim-res-group-{version}";
        var (member, group) = ("RES-MEMBER-" + version, "RES-GROUP-" + version);
        await Server.IdTagAsync(member, parent: group);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();

        var body = Reserve(1, "RES-SOMEONE-" + version, TimeSpan.FromMinutes(5)).Replace("\"idTag\"", $"\"parentIdTag\":\"{group}\",\"idTag\"", StringComparison.Ordinal);
        var reserved = await api.CommandAsync(id, "reserve-now", body);
        Assert.Equal("Accepted", reserved.GetProperty("status").GetString());
        await api.WaitForStatusAsync(id, 1, "Reserved");

        await station.StartSessionAsync(1, member); // its parentIdTag (2.0.1: groupIdToken) is the reservation's
        Assert.Equal(reserved.GetProperty("reservationId").GetInt32(), station.Connector(1).Session!.ReservationId);
        await station.UnplugAsync(1);
        await station.SettleAsync();
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Cancelling_a_reservation_frees_the_connector_for_any_card(OcppVersion version)
    {
        var id = $"sim-res-cancel-{version}";
        await Server.IdTagAsync("RES-CANCEL-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();

        var reserved = await api.CommandAsync(id, "reserve-now", Reserve(2, "SOMEONE-ELSE", TimeSpan.FromMinutes(5)));
        Assert.Equal("Accepted", reserved.GetProperty("status").GetString());
        var reservationId = reserved.GetProperty("reservationId").GetInt32();
        await api.WaitForStatusAsync(id, 2, "Reserved");

        // The same reservation id moves the reservation (1.6 §5.13: it replaces the old one).
        var moved = await api.CommandAsync(id, "reserve-now", Reserve(1, "SOMEONE-ELSE", TimeSpan.FromMinutes(5), reservationId));
        Assert.Equal("Accepted", moved.GetProperty("status").GetString());
        await api.WaitForStatusAsync(id, 2, "Available");
        await api.WaitForStatusAsync(id, 1, "Reserved");

        var cancelled = await api.CommandAsync(id, "cancel-reservation", $$"""{"reservationId":{{reservationId}}}""");
        Assert.Equal("Accepted", cancelled.GetProperty("status").GetString());
        await api.WaitForStatusAsync(id, 1, "Available");
        Assert.Equal("Rejected", (await api.CommandAsync(id, "cancel-reservation", $$"""{"reservationId":{{reservationId}}}""")).GetProperty("status").GetString());
        Assert.Equal("Cancelled", (await ReservationAsync(api, id, reservationId)).GetProperty("status").GetString());

        await station.StartSessionAsync(1, "RES-CANCEL-" + version);
        Assert.Null(station.Connector(1).Session!.ReservationId);
        await station.UnplugAsync(1);
        await station.SettleAsync();
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task An_expired_reservation_frees_the_connector_and_2_0_1_reports_it(OcppVersion version)
    {
        var id = $"sim-res-expiry-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();

        var reserved = await api.CommandAsync(id, "reserve-now", Reserve(1, "RES-EXPIRY", TimeSpan.FromSeconds(2)));
        Assert.Equal("Accepted", reserved.GetProperty("status").GetString());
        var reservationId = reserved.GetProperty("reservationId").GetInt32();
        await api.WaitForStatusAsync(id, 1, "Reserved");
        await api.WaitForStatusAsync(id, 1, "Available");
        Assert.Null(station.Connector(1).Reservation);

        if (version == OcppVersion.V201)
        {
            // 2.0.1 H01.FR.16 / H04: the station tells the CSMS that the reservation expired.
            await station.WaitUntilAsync(s => s.Sent("ReservationStatusUpdate").Count == 1, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            var update = station.Sent("ReservationStatusUpdate")[0];
            Assert.Equal(reservationId, update.GetProperty("reservationId").GetInt32());
            Assert.Equal("Expired", update.GetProperty("reservationUpdateStatus").GetString());
            await station.SettleAsync();
            Assert.Equal("Expired", (await ReservationAsync(api, id, reservationId)).GetProperty("status").GetString());
        }
        else
        {
            Assert.Empty(station.Sent("ReservationStatusUpdate")); // 1.6 has no such message
        }

        await station.SettleAsync();
        await station.AssertSentFramesValidAsync();
    }
}
