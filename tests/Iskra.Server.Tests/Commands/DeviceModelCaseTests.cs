using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Commands;

/// <summary>2.0.1 component and variable names are case-insensitive (ComponentType/VariableType name: "Case Insensitive"): one device-model row per variable whatever the casing.</summary>
public sealed class DeviceModelCaseTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Answers_in_other_casing_than_the_NotifyReport_update_the_one_row_in_its_first_spelling(string provider)
    {
        var server = On(provider);
        var id = "dmcase-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        await station.CallAsync("NotifyReport", Report("OCPPCommCtrlr", "HeartbeatInterval", "60", 1));
        station.Answer("GetVariables", """
            {"getVariableResult":[{"attributeStatus":"Accepted","attributeType":"Actual","attributeValue":"30",
              "component":{"name":"ocppcommctrlr"},"variable":{"name":"heartbeatinterval"}}]}
            """);
        station.Answer("SetVariables", """
            {"setVariableResult":[{"attributeStatus":"Accepted","attributeType":"Actual",
              "component":{"name":"OCPPCOMMCTRLR"},"variable":{"name":"HEARTBEATINTERVAL"}}]}
            """);
        using var api = server.Api();

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/get-configuration", """{"keys":["HeartbeatInterval"]}""")).JsonAsync(200);
        Assert.Equal("30", Assert.Single(await RowsAsync(api, id)).GetProperty("value").GetString());

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"OCPPCOMMCTRLR.HEARTBEATINTERVAL","value":"45"}""")).JsonAsync(200);
        Assert.Equal("OCPPCOMMCTRLR", station.Last("SetVariables").Payload.GetProperty("setVariableData")[0].GetProperty("component").GetProperty("name").GetString());
        Assert.Equal("45", Assert.Single(await RowsAsync(api, id)).GetProperty("value").GetString());

        await station.CallAsync("NotifyReport", Report("OcppCommCtrlr", "heartbeatInterval", "90", 2));
        var row = Assert.Single(await RowsAsync(api, id));
        Assert.Equal(("OCPPCommCtrlr", "HeartbeatInterval", "90"), (row.GetProperty("component").GetString(), row.GetProperty("variable").GetString(), row.GetProperty("value").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task One_NotifyReport_naming_a_variable_twice_in_two_casings_stores_one_row(string provider)
    {
        var server = On(provider);
        var id = "dmcase2-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);

        await station.CallAsync("NotifyReport", """
            {"requestId":3,"generatedAt":"2026-11-26T12:00:00Z","seqNo":0,"tbc":false,"reportData":[
              {"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power","instance":"Max"},"variableAttribute":[{"type":"Actual","value":"11000"}]},
              {"component":{"name":"evse","evse":{"id":1}},"variable":{"name":"power","instance":"MAX"},"variableAttribute":[{"type":"Actual","value":"22000"}]},
              {"component":{"name":"EVSE","evse":{"id":2}},"variable":{"name":"Power","instance":"Max"},"variableAttribute":[{"type":"Actual","value":"7000"}]}]}
            """);

        using var api = server.Api();
        var rows = await RowsAsync(api, id);
        Assert.Equal(2, rows.Length); // EVSE 1 once, EVSE 2 once
        var evse1 = Assert.Single(rows, r => r.GetProperty("evseId").GetInt32() == 1);
        Assert.Equal(("EVSE", "Power", "Max", "22000"), (evse1.GetProperty("component").GetString(), evse1.GetProperty("variable").GetString(), evse1.GetProperty("variableInstance").GetString(), evse1.GetProperty("value").GetString()));
    }

    private static string Report(string component, string variable, string value, int requestId) => $$"""
        {"requestId":{{requestId}},"generatedAt":"2026-11-26T12:00:00Z","seqNo":0,"tbc":false,"reportData":[
          {"component":{"name":"{{component}}"},"variable":{"name":"{{variable}}"},
           "variableAttribute":[{"type":"Actual","value":"{{value}}","mutability":"ReadWrite"}]}]}
        """;

    private static async Task<JsonElement[]> RowsAsync(HttpClient api, string id) =>
        [.. (await (await api.GetAsync(new Uri($"/api/stations/{id}/device-model", UriKind.Relative), Ct)).JsonAsync(200)).GetProperty("items").EnumerateArray()];
}
