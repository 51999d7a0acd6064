using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary>What a station accepted through change-configuration is readable over the API: 1.6 keys and 2.0.1 device-model variables.</summary>
public sealed class ConfigurationApiTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_accepted_1_6_change_is_listed_and_a_rejected_one_is_not(string provider)
    {
        var server = On(provider);
        var id = "cfg-api-16-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("ChangeConfiguration", request => request.GetProperty("key").GetString() == "HeartbeatInterval" ? """{"status":"Accepted"}""" : """{"status":"Rejected"}""");
        using var api = server.Api();

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"HeartbeatInterval","value":"120"}""")).JsonAsync(200);
        await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"MeterValueSampleInterval","value":"5"}""")).JsonAsync(200);
        var keys = await (await api.GetAsync(new Uri($"/api/stations/{id}/configuration", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200);

        var item = Assert.Single(keys.GetProperty("items").EnumerateArray());
        Assert.Equal(("HeartbeatInterval", "120"), (item.GetProperty("key").GetString(), item.GetProperty("value").GetString()));
        Assert.Equal(JsonValueKind.Null, keys.GetProperty("next").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_accepted_2_0_1_change_is_in_the_device_model(string provider)
    {
        var server = On(provider);
        var id = "cfg-api-201-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("SetVariables", """{"setVariableResult":[{"attributeStatus":"Accepted","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""");
        using var api = server.Api();

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"HeartbeatInterval","value":"90"}""")).JsonAsync(200);
        var model = await (await api.GetAsync(new Uri($"/api/stations/{id}/device-model?component=ocppcommctrlr", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200);

        var item = Assert.Single(model.GetProperty("items").EnumerateArray());
        Assert.Equal(("HeartbeatInterval", "Actual", "90"), (item.GetProperty("variable").GetString(), item.GetProperty("attributeType").GetString(), item.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task An_unknown_station_is_a_404_and_a_bad_cursor_a_400()
    {
        using var api = On("sqlite").Api();
        await (await api.GetAsync(new Uri("/api/stations/nobody/configuration", UriKind.Relative), TestContext.Current.CancellationToken)).ProblemAsync(404);
        await (await api.GetAsync(new Uri("/api/stations/nobody/device-model", UriKind.Relative), TestContext.Current.CancellationToken)).ProblemAsync(404);
        await On("sqlite").StationAsync("cfg-api-cursor");
        await (await api.GetAsync(new Uri("/api/stations/cfg-api-cursor/device-model?cursor=%%%", UriKind.Relative), TestContext.Current.CancellationToken)).ProblemAsync(400);
    }
}
