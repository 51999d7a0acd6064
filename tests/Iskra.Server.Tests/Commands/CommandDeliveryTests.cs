using System.Collections.Concurrent;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Transport;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Commands;

/// <summary>What happens after a command is sent: the station's CALLERROR (502), its silence (504), one call at a time, the audit log.</summary>
public sealed class CommandDeliveryTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [InlineData(OcppVersion.V16, "unlock", """{"connectorId":1}""", "UnlockConnector")]
    [InlineData(OcppVersion.V201, "change-configuration", """{"key":"HeartbeatInterval","value":"60"}""", "SetVariables")]
    [InlineData(OcppVersion.V201, "remote-start", """{"idTag":"T"}""", "RequestStartTransaction")]
    public async Task A_CALLERROR_is_502_with_its_code_stores_no_answer_and_is_audited(OcppVersion version, string command, string body, string action)
    {
        var id = $"err-{version}-{command}";
        await using var station = await RespondingStation.StartAsync(Server, id, version);
        station.AnswerError(action, OcppErrorCode.NotSupported, "not here");
        using var api = await Server.ApiAsync(ApiRole.Operator);

        var problem = await (await api.PostJsonAsync($"/api/stations/{id}/commands/{command}", body)).ProblemAsync(502);

        Assert.Equal("NotSupported", problem.GetProperty("errorCode").GetString());
        Assert.Equal("not here", problem.GetProperty("errorDescription").GetString());
        station.Last(action);
        await using var db = Server.CreateDbContext();
        Assert.Empty(db.DeviceModel.Where(v => v.StationId == id));
        Assert.All(db.RemoteStarts.Where(r => r.StationId == id), r => Assert.Equal(("Failed", "CallError:NotSupported"), (r.Status, r.Failure))); // not Sent, not Accepted
        var audit = await db.Audit.SingleAsync(a => a.StationId == id, TestContext.Current.CancellationToken);
        Assert.Equal((command, action, "CallError:NotSupported", "not here"), (audit.Command, audit.Action, audit.Outcome, audit.Response));
        Assert.StartsWith("test-Operator (", audit.Actor, StringComparison.Ordinal); // the key that sent it
    }

    [Theory]
    [InlineData(OcppVersion.V16, "unlock", """{"connectorId":1}""", "UnlockConnector", "{}", "$.status")]
    [InlineData(OcppVersion.V201, "remote-start", """{"idTag":"T"}""", "RequestStartTransaction", """{"status":"Maybe"}""", "$.status")]
    public async Task An_answer_that_violates_the_response_schema_is_502_and_audited_InvalidResponse(OcppVersion version, string command, string body, string action, string answer, string path)
    {
        var id = $"badanswer-{version}-{command}";
        await using var station = await RespondingStation.StartAsync(Server, id, version);
        station.Answer(action, answer);
        using var api = await Server.ApiAsync(ApiRole.Operator);

        var problem = await (await api.PostJsonAsync($"/api/stations/{id}/commands/{command}", body)).ProblemAsync(502);

        Assert.Equal(path, problem.GetProperty("violations")[0].GetProperty("path").GetString());
        JsonAssert.Equal(answer, problem.GetProperty("response"));
        station.Last(action);
        await using var db = Server.CreateDbContext();
        Assert.All(db.RemoteStarts.Where(r => r.StationId == id), r => Assert.Equal(("Failed", "InvalidResponse"), (r.Status, r.Failure))); // not Sent, not Accepted
        var audit = await db.Audit.SingleAsync(a => a.StationId == id, TestContext.Current.CancellationToken);
        Assert.Equal((command, action, "InvalidResponse"), (audit.Command, audit.Action, audit.Outcome));
        Assert.Contains(answer, audit.Response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answered_command_is_audited_with_the_payload_sent_and_the_answer()
    {
        await using var station = await RespondingStation.StartAsync(Server, "audit-ok", OcppVersion.V201);
        station.Answer("ChangeAvailability", """{"status":"Scheduled"}""");
        using var api = Server.Api();

        await (await api.PostJsonAsync("/api/stations/audit-ok/commands/change-availability", """{"connectorId":1,"type":"Inoperative"}""")).JsonAsync(200);

        await using var db = Server.CreateDbContext();
        var audit = await db.Audit.SingleAsync(a => a.StationId == "audit-ok", TestContext.Current.CancellationToken);
        Assert.Equal(("change-availability", "ChangeAvailability", "Scheduled"), (audit.Command, audit.Action, audit.Outcome));
        JsonAssert.Equal("""{"operationalStatus":"Inoperative","evse":{"id":1}}""", System.Text.Json.JsonElement.Parse(audit.Request!));
        JsonAssert.Equal("""{"status":"Scheduled"}""", System.Text.Json.JsonElement.Parse(audit.Response!));
        Assert.NotNull(audit.AnsweredAt);
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task A_station_that_never_answers_is_504_after_the_call_timeout(OcppVersion version)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?> { ["Ocpp:CallTimeout"] = "00:00:02" });
        await using var station = await RespondingStation.StartAsync(server, "silent", version);
        station.Silence("ClearCache");
        using var api = server.Api();

        var problem = await (await api.PostJsonAsync("/api/stations/silent/commands/clear-cache", "")).ProblemAsync(504);

        Assert.Contains("ClearCache", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        station.Last("ClearCache");
        await using var db = server.CreateDbContext();
        Assert.Equal("Timeout", (await db.Audit.SingleAsync(a => a.StationId == "silent", TestContext.Current.CancellationToken)).Outcome);
    }

    [Fact]
    public async Task Concurrent_commands_reach_a_station_one_at_a_time_and_another_station_does_not_wait()
    {
        await Server.StationAsync("serial-a");
        await using var slow = await TestStation.ConnectAsync(Server, "serial-a", OcppVersion.V16, Seed.Password);
        await slow.CallAsync("BootNotification", """{"chargePointVendor":"Iskra","chargePointModel":"Slow"}""");
        await using var other = await RespondingStation.StartAsync(Server, "serial-b", OcppVersion.V16);
        other.Answer("ClearCache", """{"status":"Accepted"}""");
        using var api = Server.Api();

        var commands = new[]
        {
            api.PostJsonAsync("/api/stations/serial-a/commands/clear-cache", ""),
            api.PostJsonAsync("/api/stations/serial-a/commands/change-availability", """{"connectorId":1,"type":"Inoperative"}"""),
            api.PostJsonAsync("/api/stations/serial-a/commands/trigger-message", """{"message":"Heartbeat"}"""),
        };
        var log = new ConcurrentQueue<string>();
        var next = slow.Socket.ReceiveJsonAsync();
        for (var i = 0; i < commands.Length; i++)
        {
            var call = await next;
            log.Enqueue("call " + call[2].GetString());
            if (i == 0)
            {
                // While serial-a holds its first call unanswered, serial-b's command goes through.
                var elsewhere = await (await api.PostJsonAsync("/api/stations/serial-b/commands/clear-cache", "")).JsonAsync(200);
                Assert.Equal("Accepted", elsewhere.GetProperty("status").GetString());
            }

            if (i < commands.Length - 1)
            {
                next = slow.Socket.ReceiveJsonAsync();
                if (await Task.WhenAny(next, Task.Delay(300, TestContext.Current.CancellationToken)) == next)
                {
                    log.Enqueue("a second call arrived before the answer");
                }
            }

            await slow.Socket.SendTextAsync($$"""[3,"{{call[1].GetString()}}",{"status":"Accepted"}]""");
            log.Enqueue("answer");
        }

        foreach (var reply in await Task.WhenAll(commands))
        {
            Assert.Equal("Accepted", (await reply.JsonAsync(200)).GetProperty("status").GetString());
        }

        Assert.Equal(["call", "answer", "call", "answer", "call", "answer"], log.Select(e => e.Split(' ')[0]));
        Assert.Equal(
            ["ChangeAvailability", "ClearCache", "TriggerMessage"],
            log.Where(e => e.StartsWith("call ", StringComparison.Ordinal)).Select(e => e[5..]).Order());
        Assert.Equal(["ClearCache"], other.Received.Select(c => c.Action));
    }
}
