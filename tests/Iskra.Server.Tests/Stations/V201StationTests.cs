using Iskra.Csms.Stations;
using Iskra.Csms.Transactions;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Stations;

/// <summary>A 2.0.1 station's own messages, answered per spec and stored before they are answered.</summary>
public sealed class V201StationTests
{
    private const string Boot = """{"chargingStation":{"vendorName":"Acme","model":"DC150","serialNumber":"S-9","firmwareVersion":"4.0","modem":{"iccid":"89","imsi":"26"}},"reason":"PowerUp"}""";

    private static async Task<(IskraServer Server, TestStation Station)> StartAsync(string provider, RegistrationState status = RegistrationState.Accepted)
    {
        var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        await server.StationAsync("CS-201", status: status);
        await server.IdTagAsync("TOKEN-1");
        return (server, await TestStation.ConnectAsync(server, "CS-201", OcppVersion.V201, Seed.Password));
    }

    private static string Event(string type, int seqNo, string timestamp, string extra = "", bool offline = false) =>
        $$$"""{"eventType":"{{{type}}}","timestamp":"{{{timestamp}}}","triggerReason":"MeterValuePeriodic","seqNo":{{{seqNo}}},"offline":{{{(offline ? "true" : "false")}}},"transactionInfo":{"transactionId":"TX-1"{{{extra}}}},"evse":{"id":1,"connectorId":1}}""";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Boot_status_and_heartbeat_are_answered_and_stored(string provider)
    {
        var (server, station) = await StartAsync(provider);
        await using var _ = server;
        await using var __ = station;

        var boot = await station.CallAsync("BootNotification", Boot);
        Assert.Equal("Accepted", boot.GetProperty("status").GetString());
        await station.CallAsync("Heartbeat", "{}");
        await station.CallAsync("StatusNotification", """{"timestamp":"2026-11-23T10:00:00Z","connectorStatus":"Faulted","evseId":2,"connectorId":1}""");

        await using var db = server.CreateDbContext();
        var stored = await db.Stations.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Acme", "DC150", "S-9", "4.0", "89", "26", "PowerUp", "2.0.1"), (stored.Vendor, stored.Model, stored.SerialNumber, stored.FirmwareVersion, stored.Iccid, stored.Imsi, stored.LastBootReason, stored.OcppVersion));
        var connector = await db.Connectors.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((2, 1, "Faulted"), (connector.EvseId, connector.ConnectorId, connector.Status));
        Assert.Equal("Faulted", (await db.Alarms.SingleAsync(TestContext.Current.CancellationToken)).Code);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_transaction_is_deduplicated_on_seqNo_and_its_energy_computed_from_kWh(string provider)
    {
        var (server, station) = await StartAsync(provider);
        await using var _ = server;
        await using var __ = station;

        var started = await station.CallAsync("TransactionEvent", Event("Started", 0, "2026-11-23T10:00:00Z", ""","chargingState":"Charging","remoteStartId":5""")
            .Replace("}}", """},"idToken":{"idToken":"TOKEN-1","type":"ISO14443"},"meterValue":[{"timestamp":"2026-11-23T10:00:00Z","sampledValue":[{"value":10.5,"context":"Transaction.Begin","unitOfMeasure":{"unit":"kWh"}}]}]}""", StringComparison.Ordinal));
        Assert.Equal("Accepted", started.GetProperty("idTokenInfo").GetProperty("status").GetString());
        var updated = Event("Updated", 1, "2026-11-23T10:05:00Z").Replace("}}", """},"meterValue":[{"timestamp":"2026-11-23T10:05:00Z","sampledValue":[{"value":11.0,"unitOfMeasure":{"unit":"kWh"}},{"value":22000,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"W"}}]}]}""", StringComparison.Ordinal);
        await station.CallAsync("TransactionEvent", updated);
        await station.CallAsync("TransactionEvent", updated); // the same event again: stored once
        await station.CallAsync("TransactionEvent", Event("Ended", 3, "2026-11-23T10:10:00Z", ""","stoppedReason":"EVDisconnected" """).Replace("}}", """},"meterValue":[{"timestamp":"2026-11-23T10:10:00Z","sampledValue":[{"value":12000,"context":"Transaction.End","unitOfMeasure":{"unit":"Wh"}}]}]}""", StringComparison.Ordinal));

        await using var db = server.CreateDbContext();
        var tx = await db.Transactions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("TX-1", "TOKEN-1", 1, 1, 5), (tx.TransactionId, tx.IdTag, tx.EvseId, tx.ConnectorId, tx.RemoteStartId!.Value));
        Assert.Equal((10500m, 12000m, 1500m, "EVDisconnected"), (tx.MeterStartWh!.Value, tx.MeterStopWh!.Value, tx.EnergyWh!.Value, tx.StopReason));
        Assert.True(tx.Problems.HasFlag(TransactionProblems.SeqNoGap));
        Assert.Equal(3, await db.TransactionEvents.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(4, await db.MeterValues.CountAsync(v => v.TransactionDbId == tx.Id, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Offline_and_reordered_events_never_override_live_state(string provider)
    {
        var (server, station) = await StartAsync(provider);
        await using var _ = server;
        await using var __ = station;

        await station.CallAsync("TransactionEvent", Event("Updated", 2, "2026-11-23T10:10:00Z", ""","chargingState":"SuspendedEV" """));
        await station.CallAsync("TransactionEvent", Event("Started", 0, "2026-11-23T10:00:00Z", ""","chargingState":"Charging" """));
        await station.CallAsync("TransactionEvent", Event("Updated", 1, "2026-11-23T10:20:00Z", ""","chargingState":"EVConnected" """, offline: true));

        await using var db = server.CreateDbContext();
        var tx = await db.Transactions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("SuspendedEV", tx.ChargingState);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), tx.StartedAt);
        Assert.True(tx.Problems.HasFlag(TransactionProblems.OfflineEvents));
        Assert.False(tx.Problems.HasFlag(TransactionProblems.UnknownTransaction) && tx.StartedAt is null);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reports_and_events_are_stored_queryably_and_a_problem_raises_an_alarm(string provider)
    {
        var (server, station) = await StartAsync(provider);
        await using var _ = server;
        await using var __ = station;

        await station.CallAsync("NotifyReport", """{"requestId":3,"generatedAt":"2026-11-23T10:00:00Z","seqNo":0,"reportData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"variableAttribute":[{"type":"Actual","value":"300","mutability":"ReadWrite"}],"variableCharacteristics":{"dataType":"integer","unit":"s","supportsMonitoring":false}},{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AvailabilityState"},"variableAttribute":[{"value":"Available","mutability":"ReadOnly"}]}]}""");
        await station.CallAsync("NotifyReport", """{"requestId":4,"generatedAt":"2026-11-23T11:00:00Z","seqNo":0,"reportData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"variableAttribute":[{"type":"Actual","value":"60","mutability":"ReadWrite"}]}]}""");
        await station.CallAsync("NotifyEvent", """{"generatedAt":"2026-11-23T10:00:00Z","seqNo":0,"eventData":[{"eventId":1,"timestamp":"2026-11-23T10:00:00Z","trigger":"Alerting","actualValue":"true","techCode":"E42","component":{"name":"Connector","evse":{"id":1,"connectorId":1}},"variable":{"name":"Problem"},"eventNotificationType":"HardWiredNotification"}]}""");

        await using var db = server.CreateDbContext();
        var heartbeat = await db.DeviceModel.SingleAsync(v => v.Component == "OCPPCommCtrlr" && v.Variable == "HeartbeatInterval", TestContext.Current.CancellationToken);
        Assert.Equal(("60", "ReadWrite", 4), (heartbeat.Value, heartbeat.Mutability, heartbeat.ReportRequestId!.Value));
        Assert.True(await db.DeviceModel.AnyAsync(v => v.Component == "EVSE" && v.EvseId == 1 && v.Value == "Available", TestContext.Current.CancellationToken));
        var e = await db.Events.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Connector", "Problem", 1, "E42"), (e.Component, e.Variable, e.ConnectorId!.Value, e.TechCode));
        Assert.Equal("E42", (await db.Alarms.SingleAsync(TestContext.Current.CancellationToken)).Code);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_pending_station_may_only_boot_and_gets_SecurityError_otherwise(string provider)
    {
        var (server, station) = await StartAsync(provider, RegistrationState.Pending);
        await using var _ = server;
        await using var __ = station;

        Assert.Equal("SecurityError", await station.CallExpectingErrorAsync("StatusNotification", """{"timestamp":"2026-11-23T10:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":1}"""));
        var boot = await station.CallAsync("BootNotification", Boot);
        Assert.Equal("Pending", boot.GetProperty("status").GetString());
        Assert.Equal("SecurityError", await station.CallExpectingErrorAsync("Heartbeat", "{}"));

        await using var db = server.CreateDbContext();
        Assert.False(await db.Connectors.AnyAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Acme", (await db.Stations.SingleAsync(TestContext.Current.CancellationToken)).Vendor);
    }
}
