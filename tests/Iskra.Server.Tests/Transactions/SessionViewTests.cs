using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Events;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Transactions;

/// <summary>
/// What the API and the event stream show of a session the station describes sparingly: a 2.0.1 session
/// named by its EVSE only, and a remote-started one whose events carry no idToken.
/// </summary>
public sealed class SessionViewTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_2_0_1_session_named_by_its_EVSE_only_shows_that_EVSE_connector_or_null_never_0(string provider)
    {
        var server = On(provider);
        var id = "evse-only-" + provider;
        await using var events = await SseClient.OpenAsync(server, id);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        Assert.Equal("station.connected", (await events.NextAsync()).Type);
        foreach (var (evse, connector) in new[] { (1, 1), (2, 1), (2, 2) })
        {
            await station.CallAsync("StatusNotification", $$$"""{"timestamp":"2026-12-01T10:00:00Z","connectorStatus":"Available","evseId":{{{evse}}},"connectorId":{{{connector}}}}""");
            Assert.Equal("station.status", (await events.NextAsync()).Type);
        }

        await station.CallAsync("TransactionEvent", Started("EVSE-1", """{"id":1}"""));
        var one = await events.NextOfAsync("transaction.started", "alarm.raised"); // stamped in the past yet live: a ClockSkew alarm too
        await station.CallAsync("TransactionEvent", Started("EVSE-2", """{"id":2}"""));
        var two = await events.NextOfAsync("transaction.started", "alarm.raised");

        Assert.Equal(("transaction.started", 1), (one.Type, one.Data.GetProperty("connectorId").GetInt32()));
        Assert.Equal(("transaction.started", JsonValueKind.Null), (two.Type, two.Data.GetProperty("connectorId").ValueKind));
        var list = await (await server.Api().GetAsync(new Uri($"/api/transactions?stationId={id}", UriKind.Relative), Ct)).JsonAsync(200);
        var listed = list.GetProperty("items").EnumerateArray().ToDictionary(t => t.GetProperty("transactionId").GetString()!);
        Assert.Equal((1, 1), (listed["EVSE-1"].GetProperty("evseId").GetInt32(), listed["EVSE-1"].GetProperty("connectorId").GetInt32()));
        Assert.Equal((2, JsonValueKind.Null), (listed["EVSE-2"].GetProperty("evseId").GetInt32(), listed["EVSE-2"].GetProperty("connectorId").ValueKind));
        var single = await (await server.Api().GetAsync(new Uri($"/api/transactions/{listed["EVSE-2"].GetProperty("id").GetInt64()}", UriKind.Relative), Ct)).JsonAsync(200);
        Assert.Equal(JsonValueKind.Null, single.GetProperty("connectorId").ValueKind);
        Assert.Equal(1, (await (await server.Api().GetAsync(new Uri($"/api/transactions/{listed["EVSE-1"].GetProperty("id").GetInt64()}", UriKind.Relative), Ct)).JsonAsync(200)).GetProperty("connectorId").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_remote_started_2_0_1_session_without_an_idToken_shows_the_remote_start_token_and_says_so(string provider)
    {
        var server = On(provider);
        var id = "rs-token-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("RequestStartTransaction", """{"status":"Accepted"}""");
        await server.IdTagAsync("RS-OWN");

        var reply = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"connectorId":1,"idTag":"RS-TOKEN"}""")).JsonAsync(200);
        var remoteStartId = reply.GetProperty("remoteStartId").GetInt32();
        await station.CallAsync("TransactionEvent", $$$"""{"eventType":"Started","timestamp":"2026-12-01T10:00:00Z","triggerReason":"RemoteStart","seqNo":0,"transactionInfo":{"transactionId":"RS-1","remoteStartId":{{{remoteStartId}}}},"evse":{"id":1,"connectorId":1}}""");
        await station.CallAsync("TransactionEvent", """{"eventType":"Started","timestamp":"2026-12-01T10:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"OWN-1"},"idToken":{"idToken":"RS-OWN","type":"ISO14443"},"evse":{"id":2,"connectorId":1}}""");

        var list = await (await server.Api().GetAsync(new Uri($"/api/transactions?stationId={id}", UriKind.Relative), Ct)).JsonAsync(200);
        var listed = list.GetProperty("items").EnumerateArray().ToDictionary(t => t.GetProperty("transactionId").GetString()!);
        Assert.Equal(("RS-TOKEN", "remoteStart", remoteStartId), (listed["RS-1"].GetProperty("idTag").GetString(), listed["RS-1"].GetProperty("idTagSource").GetString(), listed["RS-1"].GetProperty("remoteStartId").GetInt32()));
        Assert.Equal(("RS-OWN", "station"), (listed["OWN-1"].GetProperty("idTag").GetString(), listed["OWN-1"].GetProperty("idTagSource").GetString()));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Started(string transactionId, string evse) =>
        $$$"""{"eventType":"Started","timestamp":"2026-12-01T10:00:00Z","triggerReason":"EVDetected","seqNo":0,"transactionInfo":{"transactionId":"{{{transactionId}}}"},"evse":{{{evse}}}}""";
}
