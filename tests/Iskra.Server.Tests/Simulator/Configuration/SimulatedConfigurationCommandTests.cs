using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;

namespace Iskra.Server.Tests.Simulator.Configuration;

/// <summary>Iskra's get-configuration and change-configuration commands against a simulated station, on both versions.</summary>
public sealed class SimulatedConfigurationCommandTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Get_configuration_of_everything_reaches_Iskras_stored_view(OcppVersion version)
    {
        var id = $"simcfg-all-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();

        var answer = await api.CommandAsync(id, "get-configuration", "");

        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        var heartbeat = station.Configuration.Get("HeartbeatInterval");
        if (version == OcppVersion.V16)
        {
            // 1.6 §5.8: no key asked → every key, with its read-only flag.
            var keys = answer.GetProperty("response").GetProperty("configurationKey").EnumerateArray().ToList();
            Assert.Equal(station.Configuration.All.Select(k => k.Name), keys.Select(k => k.GetProperty("key").GetString()));
            var stored = await api.StoredKeysAsync(id);
            Assert.Equal(station.Configuration.All.Count, stored.Count);
            var connectors = Assert.Single(stored, k => k.GetProperty("key").GetString() == "NumberOfConnectors");
            Assert.Equal(("2", true), (connectors.GetProperty("value").GetString(), connectors.GetProperty("readonly").GetBoolean()));
            Assert.Equal(heartbeat, stored.Single(k => k.GetProperty("key").GetString() == "HeartbeatInterval").GetProperty("value").GetString());
        }
        else
        {
            // 2.0.1: Iskra asks a FullInventory base report; the station sends it in NotifyReport parts of 20.
            var requestId = answer.GetProperty("requestId").GetInt32();
            var parts = await station.ReportAsync("NotifyReport", requestId);
            var count = station.DeviceModel.Variables.Count;
            Assert.Equal((count + 19) / 20, parts.Count);
            Assert.Equal(Enumerable.Range(0, parts.Count), parts.Select(p => p.GetProperty("seqNo").GetInt32()));
            Assert.Equal(count, parts.Sum(p => p.GetProperty("reportData").GetArrayLength()));
            var stored = await api.StoredVariablesAsync(id);
            Assert.Equal(heartbeat, StationApi.ValueOf(stored, "OCPPCommCtrlr", "HeartbeatInterval"));
            Assert.Equal("1", StationApi.ValueOf(stored, "SampledDataCtrlr", "TxUpdatedInterval"));
            Assert.Equal("3", StationApi.ValueOf(stored, "OCPPCommCtrlr", "MessageAttempts", "TransactionEvent"));
            Assert.Equal("0", StationApi.ValueOf(stored, "EVSE", "Power", evseId: 2));
        }

        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Get_configuration_of_named_keys_answers_the_known_and_names_the_unknown(OcppVersion version)
    {
        var id = $"simcfg-keys-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        var unknown = version == OcppVersion.V16 ? "NoSuchKey" : "NoSuchCtrlr.NoSuchVariable";

        var answer = await api.CommandAsync(id, "get-configuration", $$"""{"keys":["heartbeatinterval","MeterValueSampleInterval","{{unknown}}"]}""");

        var response = answer.GetProperty("response");
        if (version == OcppVersion.V16)
        {
            var keys = response.GetProperty("configurationKey").EnumerateArray().ToList();
            Assert.Equal(
                [("HeartbeatInterval", station.Configuration.Get("HeartbeatInterval"), false), ("MeterValueSampleInterval", "1", false)],
                keys.Select(k => (k.GetProperty("key").GetString(), k.GetProperty("value").GetString(), k.GetProperty("readonly").GetBoolean())));
            Assert.Equal(["NoSuchKey"], response.GetProperty("unknownKey").EnumerateArray().Select(k => k.GetString()));
            Assert.Equal(2, (await api.StoredKeysAsync(id)).Count);
        }
        else
        {
            var results = response.GetProperty("getVariableResult").EnumerateArray().ToList();
            Assert.Equal(["Accepted", "Accepted", "UnknownComponent"], results.Select(r => r.GetProperty("attributeStatus").GetString()));
            Assert.Equal(station.Configuration.Get("HeartbeatInterval"), results[0].GetProperty("attributeValue").GetString());
            Assert.Equal("1", results[1].GetProperty("attributeValue").GetString());
            var stored = await api.StoredVariablesAsync(id);
            Assert.Equal("1", StationApi.ValueOf(stored, "SampledDataCtrlr", "TxUpdatedInterval"));
        }

        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_HeartbeatInterval_change_changes_the_stations_heartbeat(OcppVersion version)
    {
        var id = $"simcfg-hb-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();

        var answer = await api.CommandAsync(id, "change-configuration", """{"key":"HeartbeatInterval","value":"77"}""");

        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal(TimeSpan.FromSeconds(77), station.HeartbeatInterval);
        Assert.Equal("77", station.Configuration.Get("HeartbeatInterval"));
        Assert.Equal("77", await StoredValueAsync(api, id, version, "HeartbeatInterval", "OCPPCommCtrlr", "HeartbeatInterval"));
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_station_that_ignores_the_heartbeat_interval_stores_it_but_keeps_its_own(OcppVersion version)
    {
        var id = $"simcfg-hbfault-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        station.Faults.Set(StationFault.IgnoresHeartbeatInterval, true);
        var before = station.HeartbeatInterval;
        using var api = Server.Api();

        var answer = await api.CommandAsync(id, "change-configuration", """{"key":"HeartbeatInterval","value":"78"}""");

        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal("78", station.Configuration.Get("HeartbeatInterval"));
        Assert.Equal(before, station.HeartbeatInterval);
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_change_is_refused_for_read_only_keys_bad_values_and_unknown_keys(OcppVersion version)
    {
        var id = $"simcfg-refused-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        var v16 = version == OcppVersion.V16;

        async Task<string?> Change(string key, string value) =>
            (await api.CommandAsync(id, "change-configuration", JsonSerializer.Serialize(new Dictionary<string, string> { ["key"] = key, ["value"] = value }))).GetProperty("status").GetString();

        // Read-only: 1.6 NumberOfConnectors; on 2.0.1 GetConfigurationMaxKeys is DeviceDataCtrlr.ItemsPerMessage[GetVariables], ReadOnly.
        Assert.Equal("Rejected", await Change(v16 ? "NumberOfConnectors" : "GetConfigurationMaxKeys", "5"));
        Assert.Equal("Rejected", await Change("MeterValueSampleInterval", "soon"));
        Assert.Equal("Rejected", await Change("LocalPreAuthorize", "maybe"));
        Assert.Equal("Rejected", await Change("MeterValuesSampledData", "Energy.Active.Import.Register,Temperature"));
        Assert.Equal(v16 ? "NotSupported" : "UnknownComponent", await Change(v16 ? "NoSuchKey" : "NoSuchCtrlr.Setting", "1"));
        if (!v16)
        {
            Assert.Equal("UnknownVariable", await Change("OCPPCommCtrlr.NoSuchVariable", "1"));
        }

        Assert.Equal("RebootRequired", await Change("WebSocketPingInterval", "30"));
        Assert.Equal("Accepted", await Change("LocalPreAuthorize", "TRUE"));

        Assert.Equal(("1", "true", "30", "100"), (station.Configuration.Get("MeterValueSampleInterval"), station.Configuration.Get("LocalPreAuthorize"),
            station.Configuration.Get("WebSocketPingInterval"), station.Configuration.Get("GetConfigurationMaxKeys")));
        Assert.Equal("30", await StoredValueAsync(api, id, version, "WebSocketPingInterval", "OCPPCommCtrlr", "WebSocketPingInterval"));
        Assert.Null(await StoredValueAsync(api, id, version, "MeterValueSampleInterval", "SampledDataCtrlr", "TxUpdatedInterval"));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task On_2_0_1_a_variable_with_a_1_6_key_writes_the_key_and_one_without_is_kept_by_its_name()
    {
        var id = "simcfg-map-V201";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();

        Assert.Equal("Accepted", (await api.CommandAsync(id, "change-configuration", """{"key":"StopTxnSampledData","value":"Energy.Active.Import.Register,SoC"}""")).GetProperty("status").GetString());
        Assert.Equal("Accepted", (await api.CommandAsync(id, "change-configuration", """{"key":"ocppcommctrlr.offlinethreshold","value":"120"}""")).GetProperty("status").GetString());
        var read = await api.CommandAsync(id, "get-configuration", """{"keys":["SampledDataCtrlr.TxEndedMeasurands","OCPPCommCtrlr.OfflineThreshold"]}""");

        Assert.Equal("Energy.Active.Import.Register,SoC", station.Configuration.Get("StopTxnSampledData"));
        Assert.Equal(
            ["Energy.Active.Import.Register,SoC", "120"],
            read.GetProperty("response").GetProperty("getVariableResult").EnumerateArray().Select(r => r.GetProperty("attributeValue").GetString()));
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_request_for_more_keys_than_GetConfigurationMaxKeys_is_refused(OcppVersion version)
    {
        var id = $"simcfg-max-{version}";
        await using var station = await SimulatedStations.StartAsync(Server, id, version, o => o with
        {
            Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1", ["GetConfigurationMaxKeys"] = "2" },
        });
        using var api = Server.Api();

        var response = await api.PostJsonAsync($"/api/stations/{id}/commands/get-configuration", """{"keys":["HeartbeatInterval","MeterValueSampleInterval","ResetRetries"]}""");

        if (version == OcppVersion.V16)
        {
            // 1.6 §9.1.9: a station answers at most GetConfigurationMaxKeys keys; this one refuses the request with a CALLERROR.
            var problem = await response.JsonAsync(502);
            Assert.Equal("OccurenceConstraintViolation", problem.GetProperty("errorCode").GetString());
        }
        else
        {
            // 2.0.1 B06.FR.05 (TC_B_08_CS): the items beyond ItemsPerMessage[GetVariables] are Rejected.
            var results = (await response.JsonAsync(200)).GetProperty("response").GetProperty("getVariableResult").EnumerateArray().ToList();
            Assert.Equal(["Accepted", "Accepted", "Rejected"], results.Select(r => r.GetProperty("attributeStatus").GetString()));
            Assert.Equal("TooManyElements", results[2].GetProperty("attributeStatusInfo").GetProperty("reasonCode").GetString());
        }

        await station.AssertSentFramesValidAsync();
    }

    /// <summary>The value Iskra stores for a key: 1.6 configuration table, 2.0.1 device model.</summary>
    private static async Task<string?> StoredValueAsync(HttpClient api, string id, OcppVersion version, string key, string component, string variable) =>
        version == OcppVersion.V16
            ? (await api.StoredKeysAsync(id)).Where(k => k.GetProperty("key").GetString() == key).Select(k => k.GetProperty("value").GetString()).FirstOrDefault()
            : StationApi.ValueOf(await api.StoredVariablesAsync(id), component, variable);
}
