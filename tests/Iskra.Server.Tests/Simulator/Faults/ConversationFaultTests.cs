using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>The faults of a station's conversation with the CSMS, seen in its frames and in Iskra's answers.</summary>
public sealed class ConversationFaultTests(FaultServer fixture) : IClassFixture<FaultServer>
{
    /// <summary>The CALLERROR codes of a payload that breaks its schema (OCPP-J 1.6 §4.2.3, 2.0.1 part 4 §4.3).</summary>
    internal static readonly string[] SchemaErrorCodes =
        ["FormationViolation", "FormatViolation", "PropertyConstraintViolation", "TypeConstraintViolation", "OccurenceConstraintViolation", "OccurrenceConstraintViolation"];

    private IskraServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task NoStatusAfterBoot_sends_no_StatusNotification_after_its_accepted_boot(OcppVersion version)
    {
        await using var station = await FaultyStations.StartAsync(Server, "f-nostatus-" + version, version, [StationFault.NoStatusAfterBoot]);
        await station.WaitUntilAsync(s => s.Sent("BootNotification").Count == 1 && s.Log.Entries.Any(e => e.Kind == "received"), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await Task.Delay(700, TestContext.Current.CancellationToken); // the statuses would follow the boot at once

        Assert.Empty(station.Sent("StatusNotification"));
        Assert.Equal("Accepted", station.Registration);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task IgnoresHeartbeatInterval_keeps_its_own_interval_over_the_boot_answer(OcppVersion version)
    {
        await using var station = await FaultyStations.StartAsync(Server, "f-heartbeat-" + version, version, [StationFault.IgnoresHeartbeatInterval],
            o => o with { Configuration = new Dictionary<string, string> { ["HeartbeatInterval"] = "1" } });

        var bootId = station.SentCalls().First(f => f[2].GetString() == "BootNotification")[1].GetString();
        var interval = station.ReceivedFrames().First(f => f[0].GetInt32() == 3 && f[1].GetString() == bootId)[2].GetProperty("interval").GetInt32();
        Assert.True(interval > 5, $"Iskra asks for {interval} s");
        await station.WaitUntilAsync(s => s.Sent("Heartbeat").Count >= 2, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(1), station.HeartbeatInterval);
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task RejectsRemoteStart_answers_Rejected_to_Iskra_s_remote_start(OcppVersion version)
    {
        var id = "f-rejects-" + version;
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.RejectsRemoteStart]);
        await station.PlugInAsync(1);
        using var api = Server.Api();

        var answer = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"connectorId":1,"idTag":"REMOTE-1"}""")).JsonAsync(200);

        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task NoTransactionAfterRemoteStart_accepts_and_never_starts(OcppVersion version)
    {
        var id = "f-nostart-" + version;
        await Server.IdTagAsync("R-" + id);
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.NoTransactionAfterRemoteStart]);
        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        using var api = Server.Api();

        var answer = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", $$"""{"connectorId":1,"idTag":"R-{{id}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        await station.WaitUntilAsync(s => s.Log.Entries.Any(e => e.Kind == "note" && e.Text.Contains("accepted and ignored", StringComparison.Ordinal)), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await Task.Delay(1000, TestContext.Current.CancellationToken);

        Assert.Null(station.Connector(1).Session);
        Assert.Empty(station.Sent(version == OcppVersion.V16 ? "StartTransaction" : "TransactionEvent"));
        Assert.Equal(0, await Server.TransactionCountAsync(id));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task ResultForUnknownAction_answers_an_unsupported_call_with_an_empty_result()
    {
        var id = "f-unknown";
        await using var station = await FaultyStations.StartAsync(Server, id, OcppVersion.V201, [StationFault.ResultForUnknownAction]);
        using var api = Server.Api();

        var answer = await (await api.PostJsonAsync($"/api/stations/{id}/ocpp/CostUpdated", """{"totalCost":1.5,"transactionId":"none"}""")).JsonAsync(200);

        Assert.Equal(JsonValueKind.Object, answer.ValueKind);
        Assert.Empty(answer.EnumerateObject());
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task AnswersLate_answers_after_Iskra_s_timeout_which_makes_a_command_a_504(OcppVersion version)
    {
        var id = "f-late-" + version;
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.AnswersLate], o => o with { LateAnswerDelay = TimeSpan.FromSeconds(3) });
        using var api = Server.Api();
        var (action, payload) = version == OcppVersion.V16
            ? ("RemoteStopTransaction", """{"transactionId":424242}""")
            : ("RequestStopTransaction", """{"transactionId":"none"}""");

        await (await api.PostJsonAsync($"/api/stations/{id}/ocpp/{action}", payload)).ProblemAsync(504);

        // The answer still goes out, late: a CALLRESULT to the CALL that Iskra gave up on.
        var call = station.ReceivedFrames().Single(f => f[0].GetInt32() == 2 && f[2].GetString() == action);
        await station.WaitUntilAsync(s => s.Log.Entries.Any(e => e.Kind == "sent" && e.Text.StartsWith($"[3,\"{call[1].GetString()}\"", StringComparison.Ordinal)), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var received = station.Log.Entries.First(e => e.Kind == "received" && e.Text.Contains(action, StringComparison.Ordinal)).At;
        var sent = station.Log.Entries.First(e => e.Kind == "sent" && e.Text.StartsWith($"[3,\"{call[1].GetString()}\"", StringComparison.Ordinal)).At;
        Assert.True(sent - received >= TimeSpan.FromSeconds(2.9), $"answered after {sent - received}");
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task ReusesMessageIds_sends_every_CALL_under_one_id(OcppVersion version)
    {
        await using var station = await FaultyStations.StartAsync(Server, "f-ids-" + version, version, [StationFault.ReusesMessageIds]);
        await station.WaitUntilAsync(s => s.SentCalls().Count >= 3, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var ids = station.SentCalls().Select(f => f[1].GetString()).ToList();
        Assert.True(ids.Count >= 3);
        Assert.Single(ids.Distinct());
        Assert.Equal("Accepted", station.Registration); // Iskra answers each in turn: one call is outstanding at a time
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task OutOfSchemaValues_boot_is_refused_by_Iskra_with_a_schema_CALLERROR(OcppVersion version)
    {
        await using var station = await FaultyStations.StartAsync(Server, "f-schema-boot-" + version, version, [StationFault.OutOfSchemaValues], waitOnline: false);
        await station.WaitUntilAsync(s => s.ErrorsFor("BootNotification").Count > 0, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var boot = station.Sent("BootNotification")[0];
        var serial = version == OcppVersion.V16 ? boot.GetProperty("chargePointSerialNumber") : boot.GetProperty("chargingStation").GetProperty("serialNumber");
        Assert.True(serial.GetString()!.Length > 25);
        Assert.Contains(station.ErrorsFor("BootNotification")[0][2].GetString(), SchemaErrorCodes);
        Assert.False(station.IsOnline);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task OutOfSchemaValues_status_off_its_enum_is_refused_by_Iskra_with_a_schema_CALLERROR(OcppVersion version)
    {
        await using var station = await FaultyStations.StartAsync(Server, "f-schema-status-" + version, version, []);
        await station.SettleAsync();
        station.Faults.Set(StationFault.OutOfSchemaValues, true);

        await station.PlugInAsync(1);
        await station.WaitUntilAsync(s => s.ErrorsFor("StatusNotification").Count > 0, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var status = station.Sent("StatusNotification")[^1];
        Assert.Equal(version == OcppVersion.V16 ? FaultMutations.OffEnumErrorCode : FaultMutations.OffEnumConnectorStatus,
            status.GetProperty(version == OcppVersion.V16 ? "errorCode" : "connectorStatus").GetString());
        Assert.Contains(station.ErrorsFor("StatusNotification")[0][2].GetString(), SchemaErrorCodes);
    }
}
