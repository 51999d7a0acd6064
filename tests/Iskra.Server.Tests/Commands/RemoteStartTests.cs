using System.Globalization;
using Iskra.Csms.Authorization;
using Iskra.Csms.Transactions;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Commands;

/// <summary>remote-start on both versions: the call sent, the remoteStartId allocation, and the link to the session that follows.</summary>
public sealed class RemoteStartTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static string Now => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_1_6_remote_start_is_linked_to_the_StartTransaction_of_that_idTag_on_that_connector(string provider)
    {
        var server = On(provider);
        var id = "rs16-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("RemoteStartTransaction", """{"status":"Accepted"}""");
        using var api = server.Api();

        var reply = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"connectorId":1,"idTag":"TAG-16"}""")).JsonAsync(200);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        JsonAssert.Equal("""{"connectorId":1,"idTag":"TAG-16"}""", station.Last("RemoteStartTransaction").Payload);
        var elsewhere = await station.CallAsync("StartTransaction", $$"""{"connectorId":2,"idTag":"TAG-16","meterStart":0,"timestamp":"{{Now}}"}""");
        var otherTag = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"OTHER","meterStart":0,"timestamp":"{{Now}}"}""");
        var started = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"TAG-16","meterStart":10,"timestamp":"{{Now}}"}""");
        var again = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"TAG-16","meterStart":20,"timestamp":"{{Now}}"}""");

        await using var db = server.CreateDbContext();
        var start = await db.RemoteStarts.SingleAsync(r => r.StationId == id, TestContext.Current.CancellationToken);
        Assert.True(start.Id > 0);
        Assert.Equal("Accepted", start.Status);
        Assert.Equal(Tx(started), start.TransactionId);
        var transactions = await db.Transactions.Where(t => t.StationId == id).ToDictionaryAsync(t => t.TransactionId, TestContext.Current.CancellationToken);
        Assert.Equal(start.Id, transactions[Tx(started)].RemoteStartId);
        Assert.Equal(start.Id, reply.GetProperty("remoteStartId").GetInt32());
        Assert.Null(transactions[Tx(elsewhere)].RemoteStartId); // another connector
        Assert.Null(transactions[Tx(otherTag)].RemoteStartId); // another idTag
        Assert.Null(transactions[Tx(again)].RemoteStartId); // a remote start starts one session
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_1_6_remote_start_the_station_rejected_links_no_transaction(string provider)
    {
        var server = On(provider);
        var id = "rs16r-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("RemoteStartTransaction", """{"status":"Rejected"}""");
        using var api = server.Api();

        var reply = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"idTag":"TAG-R"}""")).JsonAsync(200);
        var started = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"TAG-R","meterStart":0,"timestamp":"{{Now}}"}""");

        Assert.Equal("Rejected", reply.GetProperty("status").GetString());
        JsonAssert.Equal("""{"idTag":"TAG-R"}""", station.Last("RemoteStartTransaction").Payload);
        await using var db = server.CreateDbContext();
        Assert.Equal("Rejected", (await db.RemoteStarts.SingleAsync(r => r.StationId == id, TestContext.Current.CancellationToken)).Status);
        Assert.Null((await db.Transactions.SingleAsync(t => t.StationId == id && t.TransactionId == Tx(started), TestContext.Current.CancellationToken)).RemoteStartId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_1_6_remote_start_without_a_connector_links_any_connector_but_only_within_five_minutes(string provider)
    {
        var server = On(provider);
        var id = "rs16w-" + provider;
        await server.SeedAsync(db => db.RemoteStarts.Add(new RemoteStart
        {
            StationId = id,
            IdTag = "OLD",
            ConnectorId = 1,
            Status = "Accepted",
            RequestedAt = DateTimeOffset.UtcNow - RemoteStarts.LinkWindow - TimeSpan.FromMinutes(1),
        }));
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("RemoteStartTransaction", """{"status":"Accepted"}""");
        using var api = server.Api();

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"idTag":"ANY"}""")).JsonAsync(200);
        var any = await station.CallAsync("StartTransaction", $$"""{"connectorId":3,"idTag":"ANY","meterStart":0,"timestamp":"{{Now}}"}""");
        var old = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"OLD","meterStart":0,"timestamp":"{{Now}}"}""");

        await using var db = server.CreateDbContext();
        var starts = await db.RemoteStarts.Where(r => r.StationId == id).ToDictionaryAsync(r => r.IdTag, TestContext.Current.CancellationToken);
        var transactions = await db.Transactions.Where(t => t.StationId == id).ToDictionaryAsync(t => t.TransactionId, TestContext.Current.CancellationToken);
        Assert.Equal(starts["ANY"].Id, transactions[Tx(any)].RemoteStartId);
        Assert.Null(transactions[Tx(old)].RemoteStartId);
        Assert.Null(starts["OLD"].TransactionId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_2_0_1_remote_start_sends_an_idToken_and_a_new_remoteStartId_that_the_TransactionEvent_links(string provider)
    {
        var server = On(provider);
        var id = "rs201-" + provider;
        await server.SeedAsync(db => db.IdTags.Add(new IdTag { Value = "CARD-" + provider, Type = "ISO14443", CreatedAt = DateTimeOffset.UtcNow }));
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("RequestStartTransaction", """{"status":"Accepted"}""");
        using var api = server.Api();

        var reply = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", $$"""{"connectorId":2,"idTag":"CARD-{{provider}}"}""")).JsonAsync(200);
        var known = station.Last("RequestStartTransaction").Payload;
        await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"idTag":"APP-USER"}""")).JsonAsync(200);
        var unknown = station.Last("RequestStartTransaction").Payload;

        var first = known.GetProperty("remoteStartId").GetInt32();
        var second = unknown.GetProperty("remoteStartId").GetInt32();
        JsonAssert.Equal($$"""{"idToken":{"idToken":"CARD-{{provider}}","type":"ISO14443"},"evseId":2,"remoteStartId":{{first}}}""", known);
        JsonAssert.Equal($$"""{"idToken":{"idToken":"APP-USER","type":"Central"},"remoteStartId":{{second}}}""", unknown);
        Assert.True(first > 0 && second > 0 && first != second, $"{first} and {second}");

        await station.CallAsync("TransactionEvent", $$$"""
            {"eventType":"Started","timestamp":"{{{Now}}}","triggerReason":"RemoteStart","seqNo":0,
             "transactionInfo":{"transactionId":"tx-{{{provider}}}","remoteStartId":{{{first}}}},
             "evse":{"id":2,"connectorId":1},"idToken":{"idToken":"CARD-{{{provider}}}","type":"ISO14443"}}
            """);
        await using var db = server.CreateDbContext();
        var tx = await db.Transactions.SingleAsync(t => t.StationId == id && t.TransactionId == "tx-" + provider, TestContext.Current.CancellationToken);
        Assert.Equal(first, tx.RemoteStartId);
        Assert.Equal(first, reply.GetProperty("remoteStartId").GetInt32()); // the client learns the id it can find the session by
        var listed = await (await api.GetAsync($"/api/transactions?stationId={id}", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(first, listed.GetProperty("items")[0].GetProperty("remoteStartId").GetInt32());
        Assert.Equal(["Accepted", "Accepted"], await db.RemoteStarts.Where(r => r.StationId == id).Select(r => r.Status).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_1_6_charging_profile_in_a_remote_start_is_translated_for_a_2_0_1_station()
    {
        var server = On("sqlite");
        await using var station = await RespondingStation.StartAsync(server, "rs201-profile", OcppVersion.V201);
        station.Answer("RequestStartTransaction", """{"status":"Accepted"}""");
        using var api = server.Api();

        var reply = await (await api.PostJsonAsync("/api/stations/rs201-profile/commands/remote-start", """
            {"connectorId":1,"idTag":"APP","chargingProfile":{"chargingProfileId":7,"stackLevel":0,"chargingProfilePurpose":"TxProfile",
             "chargingProfileKind":"Relative","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}}}
            """)).JsonAsync(200);

        var sent = station.Last("RequestStartTransaction").Payload;
        var remoteStartId = reply.GetProperty("remoteStartId").GetInt32();
        JsonAssert.Equal($$$"""
            {"idToken":{"idToken":"APP","type":"Central"},"evseId":1,"remoteStartId":{{{remoteStartId}}},
             "chargingProfile":{"id":7,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative",
              "chargingSchedule":[{"id":7,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}]}}
            """, sent);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RemoteStartIds_stay_unique_across_a_restart(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        int before;
        await using (var server = await IskraServer.StartAsync(database))
        {
            before = await RemoteStartIdAsync(server, "restart-a");
        }

        await using (var server = await IskraServer.StartAsync(database))
        {
            var after = await RemoteStartIdAsync(server, "restart-b");
            Assert.True(after > 0 && after != before, $"{before} then {after}");
        }
    }

    private static async Task<int> RemoteStartIdAsync(IskraServer server, string stationId)
    {
        await using var station = await RespondingStation.StartAsync(server, stationId, OcppVersion.V201);
        station.Answer("RequestStartTransaction", """{"status":"Accepted"}""");
        using var api = server.Api();
        await (await api.PostJsonAsync($"/api/stations/{stationId}/commands/remote-start", """{"idTag":"T"}""")).JsonAsync(200);
        return station.Last("RequestStartTransaction").Payload.GetProperty("remoteStartId").GetInt32();
    }

    private static string Tx(System.Text.Json.JsonElement startReply) =>
        startReply.GetProperty("transactionId").GetInt32().ToString(CultureInfo.InvariantCulture);

}
