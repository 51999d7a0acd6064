using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Configuration;

/// <summary>A simulated 2.0.1 station's variable monitors through raw calls (N02–N06).</summary>
public sealed class SimulatedMonitoringTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task Monitors_are_set_with_ids_reported_and_cleared()
    {
        var id = "simmon-set";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();

        var set = await api.RawAsync(id, "SetVariableMonitoring", """
            {"setMonitoringData":[
              {"value":5000,"type":"UpperThreshold","severity":5,"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"}},
              {"value":0,"type":"Delta","severity":7,"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}},
              {"value":1,"type":"Delta","severity":5,"component":{"name":"NoSuchCtrlr"},"variable":{"name":"Power"}},
              {"value":1,"type":"Delta","severity":5,"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Voltage"}},
              {"value":1,"type":"UpperThreshold","severity":5,"component":{"name":"AuthCacheCtrlr"},"variable":{"name":"Enabled"}},
              {"value":60,"type":"Periodic","severity":5,"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"}},
              {"value":6000,"type":"UpperThreshold","severity":5,"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"}}]}
            """);

        var results = set.GetProperty("setMonitoringResult").EnumerateArray().ToList();
        Assert.Equal(
            ["Accepted", "Accepted", "UnknownComponent", "UnknownVariable", "UnsupportedMonitorType", "UnsupportedMonitorType", "Duplicate"],
            results.Select(r => r.GetProperty("status").GetString()));
        var powerId = results[0].GetProperty("id").GetInt32();
        var heartbeatId = results[1].GetProperty("id").GetInt32();
        Assert.NotEqual(powerId, heartbeatId);

        var report = await api.RawAsync(id, "GetMonitoringReport", """{"requestId":71}""");
        var threshold = await api.RawAsync(id, "GetMonitoringReport", """{"requestId":72,"monitoringCriteria":["ThresholdMonitoring"]}""");
        var periodic = await api.RawAsync(id, "GetMonitoringReport", """{"requestId":73,"monitoringCriteria":["PeriodicMonitoring"]}""");
        Assert.Equal(("Accepted", "Accepted", "EmptyResultSet"), (report.GetProperty("status").GetString(), threshold.GetProperty("status").GetString(), periodic.GetProperty("status").GetString()));
        var all = (await station.ReportAsync("NotifyMonitoringReport", 71)).SelectMany(p => p.GetProperty("monitor").EnumerateArray()).ToList();
        Assert.Equal(
            [("EVSE", powerId, "UpperThreshold", 5000m), ("OCPPCommCtrlr", heartbeatId, "Delta", 0m)],
            all.Select(m => (m.GetProperty("component").GetProperty("name").GetString(), m.GetProperty("variableMonitoring")[0].GetProperty("id").GetInt32(),
                m.GetProperty("variableMonitoring")[0].GetProperty("type").GetString(), m.GetProperty("variableMonitoring")[0].GetProperty("value").GetDecimal())));
        var onlyThreshold = (await station.ReportAsync("NotifyMonitoringReport", 72)).SelectMany(p => p.GetProperty("monitor").EnumerateArray()).ToList();
        Assert.Equal("Power", Assert.Single(onlyThreshold).GetProperty("variable").GetProperty("name").GetString());

        var clear = await api.RawAsync(id, "ClearVariableMonitoring", $$"""{"id":[{{powerId}},999]}""");
        Assert.Equal(["Accepted", "NotFound"], clear.GetProperty("clearMonitoringResult").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(heartbeatId, Assert.Single(station.DeviceModel.Monitors.All).Id);
        Assert.DoesNotContain(station.Sent("NotifyMonitoringReport"), p => p.GetProperty("requestId").GetInt32() == 73);
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task Monitoring_level_takes_0_to_9_and_a_hard_wired_base_removes_the_custom_monitors()
    {
        var id = "simmon-level";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();
        await api.RawAsync(id, "SetVariableMonitoring", """{"setMonitoringData":[{"value":1,"type":"Delta","severity":3,"component":{"name":"ChargingStation"},"variable":{"name":"Problem"}}]}""");

        var tooHigh = await api.RawAsync(id, "SetMonitoringLevel", """{"severity":10}""");
        var four = await api.RawAsync(id, "SetMonitoringLevel", """{"severity":4}""");
        var all = await api.RawAsync(id, "SetMonitoringBase", """{"monitoringBase":"All"}""");
        var kept = station.DeviceModel.Monitors.All.Count;
        var hardWired = await api.RawAsync(id, "SetMonitoringBase", """{"monitoringBase":"HardWiredOnly"}""");
        var report = await api.RawAsync(id, "GetMonitoringReport", """{"requestId":81}""");
        var read = await api.RawAsync(id, "GetVariables", """{"getVariableData":[{"component":{"name":"MonitoringCtrlr"},"variable":{"name":"ActiveMonitoringLevel"}},{"component":{"name":"MonitoringCtrlr"},"variable":{"name":"ActiveMonitoringBase"}}]}""");

        Assert.Equal(("Rejected", "Accepted"), (tooHigh.GetProperty("status").GetString(), four.GetProperty("status").GetString()));
        Assert.Equal(("Accepted", "Accepted"), (all.GetProperty("status").GetString(), hardWired.GetProperty("status").GetString()));
        Assert.Equal(1, kept);
        Assert.Empty(station.DeviceModel.Monitors.All);
        Assert.Equal("EmptyResultSet", report.GetProperty("status").GetString());
        Assert.Equal(["4", "HardWiredOnly"], read.GetProperty("getVariableResult").EnumerateArray().Select(r => r.GetProperty("attributeValue").GetString()));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_threshold_monitor_on_the_EVSE_power_reports_the_crossing_and_its_clearing_in_NotifyEvent()
    {
        var id = "simmon-event";
        await Server.IdTagAsync("SIMMON-CARD");
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();
        var set = await api.RawAsync(id, "SetVariableMonitoring", """
            {"setMonitoringData":[
              {"value":1000,"type":"UpperThreshold","severity":4,"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"}},
              {"value":500,"type":"Delta","severity":8,"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"}}]}
            """);
        var ids = set.GetProperty("setMonitoringResult").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.Equal("Accepted", (await api.RawAsync(id, "SetMonitoringLevel", """{"severity":5}""")).GetProperty("status").GetString());

        await station.StartSessionAsync(1, "SIMMON-CARD");
        await station.WaitUntilAsync(s => Events(s).Any(e => e.GetProperty("variableMonitoringId").GetInt32() == ids[0]), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.UnplugAsync(1);
        await station.WaitUntilAsync(s => Events(s).Any(e => e.TryGetProperty("cleared", out var cleared) && cleared.GetBoolean()), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.SettleAsync();

        var events = Events(station);
        var alert = events.First();
        Assert.Equal(("Alerting", "CustomMonitor", "EVSE", 1), (alert.GetProperty("trigger").GetString(), alert.GetProperty("eventNotificationType").GetString(),
            alert.GetProperty("component").GetProperty("name").GetString(), alert.GetProperty("component").GetProperty("evse").GetProperty("id").GetInt32()));
        Assert.True(decimal.Parse(alert.GetProperty("actualValue").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 1000);
        Assert.Equal("0", events.Last().GetProperty("actualValue").GetString());
        Assert.Equal(2, events.Count); // the delta monitor's severity 8 is below the active level 5: never reported
        Assert.Equal(events.Count, events.Select(e => e.GetProperty("eventId").GetInt32()).Distinct().Count());
        await station.AssertSentFramesValidAsync();
    }

    private static List<System.Text.Json.JsonElement> Events(Iskra.Simulator.Stations.SimStation station) =>
        [.. station.Sent("NotifyEvent").SelectMany(p => p.GetProperty("eventData").EnumerateArray())];
}
