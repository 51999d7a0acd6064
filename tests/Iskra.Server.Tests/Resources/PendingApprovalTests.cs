using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary>Approving a Pending station through the API (SPEC §2.2) takes effect on its live connection.</summary>
public sealed class PendingApprovalTests
{
    private const string Boot = """{"chargingStation":{"vendorName":"Acme","model":"AC22"},"reason":"PowerUp"}""";
    private const string Status = """{"timestamp":"2026-11-23T10:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":1}""";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unknown_station_admitted_as_Pending_proceeds_on_its_live_connection_once_approved(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?> { ["Csms:AdmitUnknownStations"] = "true" });
        await using var station = await TestStation.ConnectAsync(server, "NEW-1", OcppVersion.V201);
        Assert.Equal("Pending", (await station.CallAsync("BootNotification", Boot)).GetProperty("status").GetString());
        Assert.Equal("SecurityError", await station.CallExpectingErrorAsync("StatusNotification", Status)); // B02.FR.09

        var pending = await (await server.Api().GetPathAsync("/api/stations/NEW-1")).JsonAsync(200);
        Assert.Equal(("Pending", 0, true, "Acme"), (pending.GetProperty("registrationStatus").GetString(), pending.GetProperty("securityProfile").GetInt32(), pending.GetProperty("connected").GetBoolean(), pending.GetProperty("vendor").GetString()));

        var approved = await (await server.Api().PatchAsync(new Uri("/api/stations/NEW-1", UriKind.Relative), StationsApiTests.Json("""{"registrationStatus":"Accepted"}"""), TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal("Accepted", approved.GetProperty("registrationStatus").GetString());

        await station.CallAsync("StatusNotification", Status);
        await station.CallAsync("Heartbeat", "{}");
        var view = await (await server.Api().GetPathAsync("/api/stations/NEW-1")).JsonAsync(200);
        Assert.Equal("Available", Assert.Single(view.GetProperty("connectors").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("Accepted", (await station.CallAsync("BootNotification", Boot)).GetProperty("status").GetString());

        var rejected = await (await server.Api().PatchAsync(new Uri("/api/stations/NEW-1", UriKind.Relative), StationsApiTests.Json("""{"registrationStatus":"Rejected"}"""), TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal("Rejected", rejected.GetProperty("registrationStatus").GetString());
        Assert.Equal("SecurityError", await station.CallExpectingErrorAsync("Heartbeat", "{}"));
    }
}
