using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary>Approving a Pending station through the API (SPEC §2.2) takes effect on its live connection.</summary>
public sealed class PendingApprovalTests
{
    private const string Boot = """{"chargingStation":{"vendorName":"Acme","model":"AC22"},"reason":"PowerUp"}""";
    private const string Status = """{"timestamp":"2026-11-23T10:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":1}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unknown_station_admitted_as_Pending_proceeds_on_its_live_connection_once_approved(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?> { ["Csms:AdmitUnknownStations"] = "true" });
        await using var station = await RespondingStation.ConnectAsync(server, "NEW-1", OcppVersion.V201, password: null);
        station.Answer("TriggerMessage", """{"status":"Accepted"}""");
        Assert.Equal("Pending", (await station.CallAsync("BootNotification", Boot)).GetProperty("status").GetString());
        Assert.Equal("SecurityError", (await Assert.ThrowsAsync<OcppCallErrorException>(() => station.CallAsync("StatusNotification", Status))).ErrorCode); // B02.FR.09

        var pending = await (await server.Api().GetPathAsync("/api/stations/NEW-1")).JsonAsync(200);
        Assert.Equal(("Pending", 0, true, "Acme"), (pending.GetProperty("registrationStatus").GetString(), pending.GetProperty("securityProfile").GetInt32(), pending.GetProperty("connected").GetBoolean(), pending.GetProperty("vendor").GetString()));

        var approved = await (await server.Api().PatchAsync(new Uri("/api/stations/NEW-1", UriKind.Relative), StationsApiTests.Json("""{"registrationStatus":"Accepted"}"""), Ct)).JsonAsync(200);
        Assert.Equal("Accepted", approved.GetProperty("registrationStatus").GetString());

        // The live connection proceeds at once, and the station is asked to boot again to learn it.
        await station.CallAsync("StatusNotification", Status);
        Assert.Equal("BootNotification", (await station.WaitForAsync("TriggerMessage")).Payload.GetProperty("requestedMessage").GetString());
        Assert.Equal("Accepted", (await station.CallAsync("BootNotification", Boot)).GetProperty("status").GetString());
        var view = await (await server.Api().GetPathAsync("/api/stations/NEW-1")).JsonAsync(200);
        Assert.Equal("Available", Assert.Single(view.GetProperty("connectors").EnumerateArray()).GetProperty("status").GetString());

        await (await server.Api().PatchAsync(new Uri("/api/stations/NEW-1", UriKind.Relative), StationsApiTests.Json("""{"registrationStatus":"Rejected"}"""), Ct)).JsonAsync(200);
        Assert.Equal("SecurityError", (await Assert.ThrowsAsync<OcppCallErrorException>(() => station.CallAsync("Heartbeat", "{}"))).ErrorCode);
        Assert.Single(station.Received, c => c.Action == "TriggerMessage"); // only a Pending → Accepted change asks for a boot
    }
}
