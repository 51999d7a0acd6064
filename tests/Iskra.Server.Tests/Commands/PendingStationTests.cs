using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Commands;

/// <summary>OCPP 1.6 §4.2: no RemoteStartTransaction or RemoteStopTransaction to a Pending station; 2.0.1 leaves the answer to the station.</summary>
public sealed class PendingStationTests(FailingCallServers servers) : IClassFixture<FailingCallServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Remote_start_and_remote_stop_to_a_Pending_1_6_station_are_409_and_nothing_is_sent_until_it_is_approved(string provider)
    {
        var server = servers.Server(provider);
        var id = "pending16-" + provider;
        await using var station = await PendingAsync(server, id, OcppVersion.V16);
        station.Answer("RemoteStartTransaction", """{"status":"Accepted"}""").Answer("RemoteStopTransaction", """{"status":"Accepted"}""")
            .Answer("TriggerMessage", """{"status":"Accepted"}""");
        using var api = server.Api();

        var start = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"connectorId":1,"idTag":"TAG-P"}""")).ProblemAsync(409);
        var stop = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-stop", """{"transactionId":5}""")).ProblemAsync(409);

        Assert.Contains("Pending", start.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("approve", stop.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(station.Received, c => c.Action is "RemoteStartTransaction" or "RemoteStopTransaction");
        await using (var db = server.CreateDbContext())
        {
            Assert.False(await db.RemoteStarts.AnyAsync(r => r.StationId == id, Ct)); // no remoteStartId allocated
            var audit = await db.Audit.Where(a => a.StationId == id).Select(a => a.Outcome).ToListAsync(Ct);
            Assert.Equal(["StationPending", "StationPending"], audit);
        }

        var approved = await api.PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative),
            new StringContent("""{"registrationStatus":"Accepted"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        await approved.JsonAsync(200);
        var reply = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"connectorId":1,"idTag":"TAG-P"}""")).JsonAsync(200);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        station.Last("RemoteStartTransaction");
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_Rejected_station_gets_no_command_and_no_raw_call(OcppVersion version)
    {
        var server = servers.Server("sqlite");
        var id = "rejected-" + version.DisplayName();
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("Reset", """{"status":"Accepted"}""").Answer("ClearCache", """{"status":"Accepted"}""");
        using var api = server.Api();
        var rejected = await api.PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative),
            new StringContent("""{"registrationStatus":"Rejected"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        await rejected.JsonAsync(200);

        var command = await (await api.PostJsonAsync($"/api/stations/{id}/commands/reset", """{"type":"Soft"}""")).ProblemAsync(409);
        await (await api.PostJsonAsync($"/api/stations/{id}/ocpp/ClearCache", "{}")).ProblemAsync(409);

        Assert.Contains("Rejected", command.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(station.Received, c => c.Action is "Reset" or "ClearCache"); // 1.6 §4.2, 2.0.1 B03.FR.03
        await using var db = server.CreateDbContext();
        Assert.Equal(["StationRejected", "StationRejected"], await db.Audit.Where(a => a.StationId == id && a.Target == null).Select(a => a.Outcome).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_Pending_2_0_1_station_is_sent_remote_start_and_its_Rejected_is_the_answer(string provider)
    {
        var server = servers.Server(provider);
        var id = "pending201-" + provider;
        await using var station = await PendingAsync(server, id, OcppVersion.V201);
        station.Answer("RequestStartTransaction", """{"status":"Rejected"}""");
        using var api = server.Api();

        var reply = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"connectorId":1,"idTag":"TAG-P"}""")).JsonAsync(200);

        Assert.Equal("Rejected", reply.GetProperty("status").GetString()); // TC_B_02_CS steps 11-12
        station.Last("RequestStartTransaction");
    }

    /// <summary>An unknown station, admitted as Pending, whose BootNotification was answered Pending.</summary>
    private static async Task<RespondingStation> PendingAsync(IskraServer server, string id, OcppVersion version)
    {
        var station = await RespondingStation.ConnectAsync(server, id, version, password: null);
        var boot = version == OcppVersion.V16
            ? """{"chargePointVendor":"Iskra","chargePointModel":"Pending"}"""
            : """{"chargingStation":{"vendorName":"Iskra","model":"Pending"},"reason":"PowerUp"}""";
        Assert.Equal("Pending", (await station.CallAsync("BootNotification", boot)).GetProperty("status").GetString());
        return station;
    }
}
