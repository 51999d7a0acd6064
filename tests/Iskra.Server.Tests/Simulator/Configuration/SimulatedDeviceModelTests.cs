using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Configuration;

/// <summary>A simulated 2.0.1 station's device model through raw calls (B05–B09): statuses, reports and criteria.</summary>
public sealed class SimulatedDeviceModelTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    /// <summary>Part 6 TC_B_xx_CS (FullInventory): the Core components and variables every station reports.</summary>
    private static readonly (string Component, string Variable, string? Instance)[] RequiredCore =
    [
        ("AlignedDataCtrlr", "Interval", null), ("AlignedDataCtrlr", "Measurands", null), ("AlignedDataCtrlr", "TxEndedInterval", null),
        ("AlignedDataCtrlr", "TxEndedMeasurands", null), ("AuthCtrlr", "AuthorizeRemoteStart", null), ("AuthCtrlr", "LocalAuthorizeOffline", null),
        ("AuthCtrlr", "LocalPreAuthorize", null), ("ChargingStation", "AvailabilityState", null), ("ChargingStation", "Available", null),
        ("ChargingStation", "SupplyPhases", null), ("ClockCtrlr", "DateTime", null), ("ClockCtrlr", "TimeSource", null),
        ("Connector", "AvailabilityState", null), ("Connector", "Available", null), ("Connector", "ConnectorType", null), ("Connector", "SupplyPhases", null),
        ("DeviceDataCtrlr", "BytesPerMessage", "GetReport"), ("DeviceDataCtrlr", "BytesPerMessage", "GetVariables"), ("DeviceDataCtrlr", "BytesPerMessage", "SetVariables"),
        ("DeviceDataCtrlr", "ItemsPerMessage", "GetReport"), ("DeviceDataCtrlr", "ItemsPerMessage", "GetVariables"), ("DeviceDataCtrlr", "ItemsPerMessage", "SetVariables"),
        ("EVSE", "AvailabilityState", null), ("EVSE", "Available", null), ("EVSE", "Power", null), ("EVSE", "SupplyPhases", null),
        ("OCPPCommCtrlr", "FileTransferProtocols", null), ("OCPPCommCtrlr", "MessageTimeout", "Default"), ("OCPPCommCtrlr", "MessageAttemptInterval", "TransactionEvent"),
        ("OCPPCommCtrlr", "MessageAttempts", "TransactionEvent"), ("OCPPCommCtrlr", "NetworkConfigurationPriority", null),
        ("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", null), ("OCPPCommCtrlr", "OfflineThreshold", null), ("OCPPCommCtrlr", "ResetRetries", null),
        ("OCPPCommCtrlr", "UnlockOnEVSideDisconnect", null), ("SampledDataCtrlr", "TxEndedInterval", null), ("SampledDataCtrlr", "TxEndedMeasurands", null),
        ("SampledDataCtrlr", "TxStartedMeasurands", null), ("SampledDataCtrlr", "TxUpdatedInterval", null), ("SampledDataCtrlr", "TxUpdatedMeasurands", null),
        ("SecurityCtrlr", "CertificateEntries", null), ("SecurityCtrlr", "OrganizationName", null), ("SecurityCtrlr", "SecurityProfile", null),
        ("TxCtrlr", "EVConnectionTimeOut", null), ("TxCtrlr", "StopTxOnEVSideDisconnect", null), ("TxCtrlr", "StopTxOnInvalidId", null),
        ("TxCtrlr", "TxStartPoint", null), ("TxCtrlr", "TxStopPoint", null), ("LocalAuthListCtrlr", "BytesPerMessage", null),
        ("LocalAuthListCtrlr", "Entries", null), ("LocalAuthListCtrlr", "ItemsPerMessage", null), ("MonitoringCtrlr", "BytesPerMessage", "SetVariableMonitoring"),
        ("SmartChargingCtrlr", "Entries", "ChargingProfiles"), ("SmartChargingCtrlr", "LimitChangeSignificance", null), ("SmartChargingCtrlr", "PeriodsPerSchedule", null),
        ("SmartChargingCtrlr", "ProfileStackLevel", null), ("SmartChargingCtrlr", "RateUnit", null),
    ];

    private IskraServer Server => shared.Server;

    [Fact]
    public async Task GetVariables_answers_each_item_with_its_own_status()
    {
        var id = "simdm-get";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();

        var reply = await api.RawAsync(id, "GetVariables", """
            {"getVariableData":[
              {"component":{"name":"ocppcommctrlr"},"variable":{"name":"HEARTBEATINTERVAL"}},
              {"component":{"name":"NoSuchCtrlr"},"variable":{"name":"HeartbeatInterval"}},
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"NoSuchVariable"}},
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"attributeType":"Target"},
              {"component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}},
              {"component":{"name":"EVSE","evse":{"id":3}},"variable":{"name":"Power"}},
              {"component":{"name":"EVSE","evse":{"id":2}},"variable":{"name":"Power"}},
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"MessageAttempts","instance":"TransactionEvent"}}]}
            """);

        var results = reply.GetProperty("getVariableResult").EnumerateArray().ToList();
        Assert.Equal(
            ["Accepted", "UnknownComponent", "UnknownVariable", "NotSupportedAttributeType", "Rejected", "UnknownComponent", "Accepted", "Accepted"],
            results.Select(r => r.GetProperty("attributeStatus").GetString()));
        Assert.Equal(station.Configuration.Get("HeartbeatInterval"), results[0].GetProperty("attributeValue").GetString());
        Assert.False(results[4].TryGetProperty("attributeValue", out _)); // a write-only password is never read back
        Assert.Equal(("0", "3"), (results[6].GetProperty("attributeValue").GetString(), results[7].GetProperty("attributeValue").GetString()));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task SetVariables_sets_what_may_be_set_and_rejects_read_only_and_bad_values()
    {
        var id = "simdm-set";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();

        var reply = await api.RawAsync(id, "SetVariables", """
            {"setVariableData":[
              {"component":{"name":"TxCtrlr"},"variable":{"name":"StopTxOnInvalidId"},"attributeValue":"false"},
              {"component":{"name":"SecurityCtrlr"},"variable":{"name":"SecurityProfile"},"attributeValue":"3"},
              {"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"},"attributeValue":"1000"},
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"attributeValue":"often"},
              {"component":{"name":"ClockCtrlr"},"variable":{"name":"TimeSource"},"attributeValue":"NTP,Sundial"},
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"WebSocketPingInterval"},"attributeValue":"15"},
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"attributeValue":"45","attributeType":"MaxSet"},
              {"component":{"name":"NoSuchCtrlr"},"variable":{"name":"X"},"attributeValue":"1"},
              {"component":{"name":"ClockCtrlr"},"variable":{"name":"X"},"attributeValue":"1"},
              {"component":{"name":"AuthCacheCtrlr"},"variable":{"name":"Enabled"},"attributeValue":"False"},
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"MessageAttemptInterval","instance":"TransactionEvent"},"attributeValue":"4"}]}
            """);

        Assert.Equal(
            ["Accepted", "Rejected", "Rejected", "Rejected", "Rejected", "RebootRequired", "NotSupportedAttributeType", "UnknownComponent", "UnknownVariable", "Accepted", "Accepted"],
            reply.GetProperty("setVariableResult").EnumerateArray().Select(r => r.GetProperty("attributeStatus").GetString()));
        var store = station.Configuration;
        Assert.Equal(("false", "15", "false", "4"), (store.Get("StopTransactionOnInvalidId"), store.Get("WebSocketPingInterval"), store.Get("AuthorizationCacheEnabled"), store.Get("TransactionMessageRetryInterval")));
        Assert.NotEqual("often", store.Get("HeartbeatInterval"));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_full_base_report_comes_in_parts_of_ItemsPerMessage_and_names_every_required_variable()
    {
        var id = "simdm-base";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201, o => o with
        {
            Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1", ["DeviceDataCtrlr.ItemsPerMessage.GetReport"] = "7" },
        });
        using var api = Server.Api();

        var reply = await api.RawAsync(id, "GetBaseReport", """{"requestId":41,"reportBase":"FullInventory"}""");
        var parts = await station.ReportAsync("NotifyReport", 41);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        Assert.Equal(Enumerable.Range(0, parts.Count), parts.Select(p => p.GetProperty("seqNo").GetInt32()));
        Assert.All(parts.SkipLast(1), p => Assert.True(p.GetProperty("tbc").GetBoolean()));
        Assert.All(parts, p => Assert.InRange(p.GetProperty("reportData").GetArrayLength(), 1, 7));
        Assert.Single(parts.Select(p => p.GetProperty("generatedAt").GetString()).Distinct());
        var reported = parts.SelectMany(p => p.GetProperty("reportData").EnumerateArray()).ToList();
        Assert.Equal(station.DeviceModel.Variables.Count, reported.Count);
        var names = reported.Select(Name).ToHashSet();
        Assert.DoesNotContain(RequiredCore, r => !names.Contains(r));
        var power = reported.First(r => Name(r) == ("EVSE", "Power", null));
        Assert.Equal("W", power.GetProperty("variableCharacteristics").GetProperty("unit").GetString());
        Assert.Equal("ReadOnly", power.GetProperty("variableAttribute")[0].GetProperty("mutability").GetString());
        var stored = await api.StoredVariablesAsync(id, "OCPPCommCtrlr");
        Assert.Equal("60", StationApi.ValueOf(stored, "OCPPCommCtrlr", "OfflineThreshold"));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task Configuration_and_summary_inventories_report_what_can_be_set_and_the_availability()
    {
        var id = "simdm-inventories";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();

        Assert.Equal("Accepted", (await api.RawAsync(id, "GetBaseReport", """{"requestId":51,"reportBase":"ConfigurationInventory"}""")).GetProperty("status").GetString());
        Assert.Equal("Accepted", (await api.RawAsync(id, "GetBaseReport", """{"requestId":52,"reportBase":"SummaryInventory"}""")).GetProperty("status").GetString());
        var configuration = Reported(await station.ReportAsync("NotifyReport", 51));
        var summary = Reported(await station.ReportAsync("NotifyReport", 52));

        Assert.All(configuration, r => Assert.NotEqual("ReadOnly", r.GetProperty("variableAttribute")[0].GetProperty("mutability").GetString()));
        Assert.Contains(configuration, r => Name(r) == ("OCPPCommCtrlr", "HeartbeatInterval", null));
        Assert.DoesNotContain(configuration, r => Name(r) == ("SecurityCtrlr", "SecurityProfile", null));
        Assert.All(summary, r => Assert.True(Name(r).Variable is "AvailabilityState" or "Available" or "Problem", Name(r).ToString()));
        Assert.Equal(2, summary.Count(r => Name(r) == ("Connector", "AvailabilityState", null)));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task GetReport_selects_by_component_criteria_and_component_variable()
    {
        var id = "simdm-report";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();

        var problem = await api.RawAsync(id, "GetReport", """{"requestId":61,"componentCriteria":["Problem"]}""");
        var nothing = await api.RawAsync(id, "GetReport", """{"requestId":62,"componentVariable":[{"component":{"name":"NoSuchCtrlr"}}]}""");
        var evse = await api.RawAsync(id, "GetReport", """{"requestId":63,"componentVariable":[{"component":{"name":"evse","evse":{"id":2}}},{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"MessageAttempts"}}]}""");
        var enabled = await api.RawAsync(id, "GetReport", """{"requestId":64,"componentCriteria":["Enabled"],"componentVariable":[{"component":{"name":"AuthCacheCtrlr"}},{"component":{"name":"AlignedDataCtrlr"}}]}""");
        await station.FaultAsync(1, "GroundFailure");
        var faulted = await api.RawAsync(id, "GetReport", """{"requestId":65,"componentCriteria":["Problem"]}""");

        Assert.Equal(("EmptyResultSet", "EmptyResultSet"), (problem.GetProperty("status").GetString(), nothing.GetProperty("status").GetString()));
        Assert.Equal(("Accepted", "Accepted", "Accepted"), (evse.GetProperty("status").GetString(), enabled.GetProperty("status").GetString(), faulted.GetProperty("status").GetString()));
        var ofEvse = Reported(await station.ReportAsync("NotifyReport", 63));
        Assert.Equal(5, ofEvse.Count); // EVSE 2's four variables and MessageAttempts[TransactionEvent]
        Assert.All(ofEvse.Where(r => Name(r).Component == "EVSE"), r => Assert.Equal(2, r.GetProperty("component").GetProperty("evse").GetProperty("id").GetInt32()));
        // AlignedDataCtrlr.Enabled is false while ClockAlignedDataInterval is 0: only the authorization cache qualifies.
        Assert.All(Reported(await station.ReportAsync("NotifyReport", 64)), r => Assert.Equal("AuthCacheCtrlr", Name(r).Component));
        var ofProblem = Reported(await station.ReportAsync("NotifyReport", 65));
        Assert.All(ofProblem, r => Assert.Equal("ChargingStation", Name(r).Component));
        Assert.Contains(ofProblem, r => Name(r) == ("ChargingStation", "Problem", null) && r.GetProperty("variableAttribute")[0].GetProperty("value").GetString() == "true");
        Assert.DoesNotContain(station.Sent("NotifyReport"), p => p.GetProperty("requestId").GetInt32() is 61 or 62);
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task SetNetworkProfile_stores_a_valid_profile_and_rejects_a_bad_slot_or_a_lower_security_profile()
    {
        var id = "simdm-network";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();
        static string Profile(int slot, int securityProfile, string url) =>
            $$$"""{"configurationSlot":{{{slot}}},"connectionData":{"ocppVersion":"OCPP20","ocppTransport":"JSON","ocppCsmsUrl":"{{{url}}}","messageTimeout":30,"securityProfile":{{{securityProfile}}},"ocppInterface":"Wired0"}}""";

        var accepted = await api.RawAsync(id, "SetNetworkProfile", Profile(2, 2, "wss://csms.example/ocpp"));
        var badSlot = await api.RawAsync(id, "SetNetworkProfile", Profile(999, 2, "wss://csms.example/ocpp"));
        var badUrl = await api.RawAsync(id, "SetNetworkProfile", Profile(3, 2, "ws://csms.example/ocpp"));

        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(("Rejected", "InvalidConfSlot"), (badSlot.GetProperty("status").GetString(), badSlot.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));
        Assert.Equal("Rejected", badUrl.GetProperty("status").GetString());
        var stored = Assert.Single(station.DeviceModel.NetworkProfiles);
        Assert.Equal((2, "wss://csms.example/ocpp"), (stored.Key, stored.Value.OcppCsmsUrl));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task SetNetworkProfile_accepts_the_stations_own_security_profile_and_rejects_another_OCPP_version()
    {
        var id = "simdm-network-lower";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();

        // The station connects with Basic auth over ws (profile 1): profile 1 over ws is no downgrade (B09.FR.04).
        var same = await api.RawAsync(id, "SetNetworkProfile", """{"configurationSlot":1,"connectionData":{"ocppVersion":"OCPP20","ocppTransport":"JSON","ocppCsmsUrl":"ws://other.example/ocpp","messageTimeout":30,"securityProfile":1,"ocppInterface":"Wired0"}}""");
        var old = await api.RawAsync(id, "SetNetworkProfile", """{"configurationSlot":1,"connectionData":{"ocppVersion":"OCPP16","ocppTransport":"JSON","ocppCsmsUrl":"ws://other.example/ocpp","messageTimeout":30,"securityProfile":1,"ocppInterface":"Wired0"}}""");

        Assert.Equal("Accepted", same.GetProperty("status").GetString());
        Assert.Equal("Rejected", old.GetProperty("status").GetString());
        await station.AssertSentFramesValidAsync();
    }

    private static List<JsonElement> Reported(IReadOnlyList<JsonElement> parts) => [.. parts.SelectMany(p => p.GetProperty("reportData").EnumerateArray())];

    private static (string Component, string Variable, string? Instance) Name(JsonElement reportData) => (
        reportData.GetProperty("component").GetProperty("name").GetString()!,
        reportData.GetProperty("variable").GetProperty("name").GetString()!,
        reportData.GetProperty("variable").TryGetProperty("instance", out var instance) ? instance.GetString() : null);
}
