using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Transactions;

/// <summary>
/// Messages that are answered as usual (never a CALLERROR for a business problem, SPEC §2.1) but are
/// recorded as problems where the operator sees them: a second stop of a finished session on the
/// transaction, a broken NotifyReport chain among the station's notices.
/// </summary>
public sealed class AnomalyTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_second_1_6_StopTransaction_is_answered_and_flagged_but_a_retry_of_the_first_is_not(string provider)
    {
        var server = On(provider);
        var id = "stop-twice-16-" + provider;
        await server.IdTagAsync("STOP-16");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        var transactionId = (await station.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"STOP-16","meterStart":0,"timestamp":"2026-12-01T10:00:00Z"}""")).GetProperty("transactionId").GetInt32();
        var stop = $$"""{"transactionId":{{transactionId}},"meterStop":1000,"timestamp":"2026-12-01T10:10:00Z","reason":"Local"}""";

        await station.CallAsync("StopTransaction", stop);
        await station.CallAsync("StopTransaction", stop); // a retry: the same stop under a new message id
        Assert.DoesNotContain("StoppedTwice", Problems(await TransactionAsync(server, id)));
        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{transactionId}},"meterStop":1800,"timestamp":"2026-12-01T10:20:00Z","reason":"Remote"}""");

        var tx = await TransactionAsync(server, id);
        Assert.Contains("StoppedTwice", Problems(tx));
        Assert.Equal((1000m, "Local"), (tx.GetProperty("meterStopWh").GetDecimal(), tx.GetProperty("stopReason").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_second_2_0_1_Ended_event_is_answered_and_flagged(string provider)
    {
        var server = On(provider);
        var id = "ended-twice-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);

        await station.CallAsync("TransactionEvent", Event("Started", 0, "10:00", ""));
        await station.CallAsync("TransactionEvent", Event("Ended", 1, "10:10", ""","stoppedReason":"EVDisconnected" """));
        Assert.DoesNotContain("StoppedTwice", Problems(await TransactionAsync(server, id)));
        await station.CallAsync("TransactionEvent", Event("Ended", 2, "10:20", ""","stoppedReason":"Remote" """));

        var tx = await TransactionAsync(server, id);
        Assert.Contains("StoppedTwice", Problems(tx));
        Assert.Equal("EVDisconnected", tx.GetProperty("stopReason").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_report_chain_that_starts_after_seqNo_0_or_is_superseded_unfinished_is_a_station_notice(string provider)
    {
        var server = On(provider);
        var id = "report-chain-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);

        await station.CallAsync("NotifyReport", Report(requestId: 7, seqNo: 0, tbc: true));
        await station.CallAsync("NotifyReport", Report(requestId: 7, seqNo: 1, tbc: false)); // a whole chain: no notice
        await station.CallAsync("NotifyReport", Report(requestId: 8, seqNo: 2, tbc: true)); // its parts 0 and 1 never came
        await station.CallAsync("NotifyReport", Report(requestId: 9, seqNo: 0, tbc: false)); // 8 never completes

        var notices = await NoticesAsync(server, id);
        Assert.Equal(
            [("StartedLate", 8, 2, null), ("Incomplete", 8, 2, "superseded")],
            notices.Select(n => (n.GetProperty("status").GetString(), n.GetProperty("requestId").GetInt32(),
                n.GetProperty("payload").GetProperty("seqNo").GetInt32(), n.GetProperty("payload").GetProperty("reason").GetString())).Reverse());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_report_chain_whose_next_part_does_not_come_in_time_is_a_station_notice(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?> { ["Csms:ReportPartTimeout"] = "00:00:01" });
        var id = "report-timeout-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);

        await station.CallAsync("NotifyReport", Report(requestId: 3, seqNo: 0, tbc: true));
        await station.CallAsync("NotifyReport", Report(requestId: 3, seqNo: 1, tbc: true)); // then silence

        JsonElement[] notices = [];
        for (var i = 0; i < 100 && notices.Length == 0; i++)
        {
            await Task.Delay(100, Ct);
            notices = await NoticesAsync(server, id);
        }

        var notice = Assert.Single(notices);
        Assert.Equal(("Incomplete", 3, 1, "timeout"), (notice.GetProperty("status").GetString(), notice.GetProperty("requestId").GetInt32(),
            notice.GetProperty("payload").GetProperty("seqNo").GetInt32(), notice.GetProperty("payload").GetProperty("reason").GetString()));
    }

    private static async Task<JsonElement> TransactionAsync(IskraServer server, string stationId)
    {
        var list = await (await server.Api().GetAsync(new Uri($"/api/transactions?stationId={stationId}", UriKind.Relative), Ct)).JsonAsync(200);
        return Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    private static async Task<JsonElement[]> NoticesAsync(IskraServer server, string stationId)
    {
        var page = await (await server.Api().GetAsync(new Uri($"/api/stations/{stationId}/notices?action=ReportChainProblem", UriKind.Relative), Ct)).JsonAsync(200);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static string[] Problems(JsonElement tx) => [.. tx.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)];

    private static string Event(string type, int seqNo, string time, string info) =>
        $$$"""{"eventType":"{{{type}}}","timestamp":"2026-12-01T{{{time}}}:00Z","triggerReason":"EVDetected","seqNo":{{{seqNo}}},"transactionInfo":{"transactionId":"TWICE-1"{{{info}}}},"evse":{"id":1,"connectorId":1}}""";

    private static string Report(int requestId, int seqNo, bool tbc) =>
        $$$"""{"requestId":{{{requestId}}},"generatedAt":"2026-12-01T10:00:00Z","seqNo":{{{seqNo}}},"tbc":{{{(tbc ? "true" : "false")}}},"reportData":[{"component":{"name":"ChargingStation"},"variable":{"name":"Model"},"variableAttribute":[{"type":"Actual","value":"X{{{seqNo}}}"}]}]}""";
}
