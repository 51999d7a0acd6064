using Iskra.Csms.Reports;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Commands;

/// <summary>get-configuration and change-configuration on both versions, and what Iskra keeps of the answers.</summary>
public sealed class ConfigurationCommandTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_1_6_change_is_stored_when_accepted_and_not_when_rejected(string provider)
    {
        var server = On(provider);
        var id = "cc16-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("ChangeConfiguration", request => request.GetProperty("key").GetString() == "HeartbeatInterval" ? """{"status":"Accepted"}""" : """{"status":"Rejected"}""");
        using var api = server.Api();

        var accepted = await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"HeartbeatInterval","value":"120"}""")).JsonAsync(200);
        JsonAssert.Equal("""{"key":"HeartbeatInterval","value":"120"}""", station.Last("ChangeConfiguration").Payload);
        var rejected = await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"MeterValueSampleInterval","value":"5"}""")).JsonAsync(200);

        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        await using var db = server.CreateDbContext();
        var key = await db.ConfigurationKeys.SingleAsync(k => k.StationId == id, TestContext.Current.CancellationToken);
        Assert.Equal(("HeartbeatInterval", "120"), (key.Key, key.Value));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_1_6_GetConfiguration_answer_fills_the_configuration_table(string provider)
    {
        var server = On(provider);
        var id = "gc16-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("GetConfiguration", """
            {"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},{"key":"NumberOfConnectors","readonly":true,"value":"2"},{"key":"Secret","readonly":true}],
             "unknownKey":["Nope"]}
            """);
        station.Answer("ChangeConfiguration", """{"status":"RebootRequired"}""");
        using var api = server.Api();

        var all = await (await api.PostJsonAsync($"/api/stations/{id}/commands/get-configuration", "")).JsonAsync(200);
        JsonAssert.Equal("{}", station.Last("GetConfiguration").Payload);
        await (await api.PostJsonAsync($"/api/stations/{id}/commands/get-configuration", """{"keys":["HeartbeatInterval","Nope"]}""")).JsonAsync(200);
        JsonAssert.Equal("""{"key":["HeartbeatInterval","Nope"]}""", station.Last("GetConfiguration").Payload);
        var reboot = await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"heartbeatinterval","value":"60"}""")).JsonAsync(200);

        Assert.Equal("Accepted", all.GetProperty("status").GetString()); // GetConfiguration has no status field
        Assert.Equal("RebootRequired", reboot.GetProperty("status").GetString());
        await using var db = server.CreateDbContext();
        var keys = await db.ConfigurationKeys.Where(k => k.StationId == id).OrderBy(k => k.Key).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [("HeartbeatInterval", "60", (bool?)false), ("NumberOfConnectors", "2", true), ("Secret", null, true)],
            keys.Select(k => (k.Key, k.Value, k.Readonly)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_2_0_1_change_becomes_SetVariables_and_updates_the_device_model_unless_rejected(string provider)
    {
        var server = On(provider);
        var id = "cc201-" + provider;
        await server.SeedAsync(db => db.DeviceModel.Add(new DeviceModelVariable
        {
            StationId = id,
            Component = "OCPPCommCtrlr",
            Variable = "HeartbeatInterval",
            Value = "300",
            Mutability = "ReadWrite",
            UpdatedAt = DateTimeOffset.UtcNow,
        }));
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("SetVariables", request =>
        {
            var data = request.GetProperty("setVariableData")[0];
            var status = data.GetProperty("attributeValue").GetString() == "bad" ? "Rejected" : "Accepted";
            return $$"""{"setVariableResult":[{"attributeStatus":"{{status}}","component":{{data.GetProperty("component").GetRawText()}},"variable":{{data.GetProperty("variable").GetRawText()}}}]}""";
        });
        using var api = server.Api();

        var heartbeat = await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"HeartbeatInterval","value":"120"}""")).JsonAsync(200);
        JsonAssert.Equal("""{"setVariableData":[{"attributeValue":"120","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""", station.Last("SetVariables").Payload);
        await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"TransactionMessageAttempts","value":"5"}""")).JsonAsync(200);
        JsonAssert.Equal(
            """{"setVariableData":[{"attributeValue":"5","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"MessageAttempts","instance":"TransactionEvent"}}]}""",
            station.Last("SetVariables").Payload);
        await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"EVSE:Main@1/2.Power.Limit","value":"11000"}""")).JsonAsync(200);
        JsonAssert.Equal(
            """{"setVariableData":[{"attributeValue":"11000","component":{"name":"EVSE","instance":"Main","evse":{"id":1,"connectorId":2}},"variable":{"name":"Power","instance":"Limit"}}]}""",
            station.Last("SetVariables").Payload);
        var rejected = await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"TxCtrlr.StopTxOnInvalidId","value":"bad"}""")).JsonAsync(200);

        Assert.Equal("Accepted", heartbeat.GetProperty("status").GetString());
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        await using var db = server.CreateDbContext();
        var rows = await db.DeviceModel.Where(v => v.StationId == id).ToListAsync(TestContext.Current.CancellationToken);
        var hb = Assert.Single(rows, v => v.Variable == "HeartbeatInterval");
        Assert.Equal(("120", "Actual", "ReadWrite"), (hb.Value, hb.AttributeType, hb.Mutability)); // updated in place
        Assert.Equal("5", Assert.Single(rows, v => v.Variable == "MessageAttempts" && v.VariableInstance == "TransactionEvent").Value);
        var power = Assert.Single(rows, v => v.Variable == "Power");
        Assert.Equal(("EVSE", "Main", 1, 2, "Limit", "11000"), (power.Component, power.ComponentInstance, power.EvseId, power.ConnectorId, power.VariableInstance, power.Value));
        Assert.DoesNotContain(rows, v => v.Variable == "StopTxOnInvalidId");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_2_0_1_get_with_keys_is_GetVariables_and_stores_the_accepted_values(string provider)
    {
        var server = On(provider);
        var id = "gv201-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("GetVariables", """
            {"getVariableResult":[
              {"attributeStatus":"Accepted","attributeValue":"15","component":{"name":"SampledDataCtrlr"},"variable":{"name":"TxUpdatedInterval"}},
              {"attributeStatus":"UnknownVariable","component":{"name":"AuthCtrlr"},"variable":{"name":"LocalPreAuthorize"}}]}
            """);
        using var api = server.Api();

        var reply = await (await api.PostJsonAsync($"/api/stations/{id}/commands/get-configuration", """{"keys":["MeterValueSampleInterval","LocalPreAuthorize"]}""")).JsonAsync(200);

        JsonAssert.Equal(
            """{"getVariableData":[{"component":{"name":"SampledDataCtrlr"},"variable":{"name":"TxUpdatedInterval"}},{"component":{"name":"AuthCtrlr"},"variable":{"name":"LocalPreAuthorize"}}]}""",
            station.Last("GetVariables").Payload);
        Assert.Equal(2, reply.GetProperty("response").GetProperty("getVariableResult").GetArrayLength());
        await using var db = server.CreateDbContext();
        var row = await db.DeviceModel.SingleAsync(v => v.StationId == id, TestContext.Current.CancellationToken);
        Assert.Equal(("SampledDataCtrlr", "TxUpdatedInterval", "Actual", "15"), (row.Component, row.Variable, row.AttributeType, row.Value));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_2_0_1_get_of_everything_is_a_full_base_report_whose_NotifyReport_is_stored(string provider)
    {
        var server = On(provider);
        var id = "br201-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("GetBaseReport", """{"status":"Accepted"}""");
        using var api = server.Api();

        var reply = await (await api.PostJsonAsync($"/api/stations/{id}/commands/get-configuration", """{"keys":[]}""")).JsonAsync(200);
        var sent = station.Last("GetBaseReport").Payload;
        var requestId = sent.GetProperty("requestId").GetInt32();
        await station.CallAsync("NotifyReport", $$"""
            {"requestId":{{requestId}},"generatedAt":"2026-01-01T00:00:00Z","seqNo":0,
             "reportData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"variableAttribute":[{"value":"90"}]}]}
            """);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        Assert.Equal("FullInventory", sent.GetProperty("reportBase").GetString());
        await using var db = server.CreateDbContext();
        var row = await db.DeviceModel.SingleAsync(v => v.StationId == id, TestContext.Current.CancellationToken);
        Assert.Equal(("HeartbeatInterval", "90", (int?)requestId), (row.Variable, row.Value, row.ReportRequestId));
    }

    [Fact]
    public void The_key_mapping_in_the_docs_is_the_one_in_the_code()
    {
        var docs = File.ReadAllLines(Path.Combine(RepoRoot.Path, "docs", "commands.md"));
        var table = docs.SkipWhile(l => !l.StartsWith("| 1.6 key |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(c => c[1], c => c[2]);
        var code = Iskra.Csms.RemoteControl.ConfigurationKeys.WellKnown.ToDictionary(
            k => k.Key, k => $"{k.Value.Component}.{k.Value.Variable}{(k.Value.VariableInstance is { } i ? "." + i : "")}");
        Assert.Equal(code.OrderBy(k => k.Key), table.OrderBy(k => k.Key));
    }

}
