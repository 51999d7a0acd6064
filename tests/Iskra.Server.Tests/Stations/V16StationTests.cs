using Iskra.Csms.Transactions;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Stations;

/// <summary>A 1.6 station's own messages, answered per spec and stored before they are answered.</summary>
public sealed class V16StationTests
{
    private static async Task<(IskraServer Server, TestStation Station)> StartAsync(string provider, string id = "CP-16")
    {
        var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        await server.StationAsync(id);
        await server.IdTagAsync("TAG-OK");
        await server.IdTagAsync("TAG-BLOCKED", Iskra.Csms.Authorization.IdTagStatus.Blocked);
        return (server, await TestStation.ConnectAsync(server, id, OcppVersion.V16, Seed.Password));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Boot_heartbeat_and_status_are_answered_and_stored(string provider)
    {
        var (server, station) = await StartAsync(provider);
        await using var _ = server;
        await using var __ = station;

        var boot = await station.CallAsync("BootNotification", """{"chargePointVendor":"Acme","chargePointModel":"AC22","chargePointSerialNumber":"SN1","firmwareVersion":"1.2.3","iccid":"8901","meterType":"M1"}""");
        Assert.Equal("Accepted", boot.GetProperty("status").GetString());
        Assert.Equal(300, boot.GetProperty("interval").GetInt32());
        await station.CallAsync("Heartbeat", "{}");
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"GroundFailure","status":"Faulted","info":"RCD","timestamp":"2026-01-01T10:00:00Z"}""");
        await station.CallAsync("StatusNotification", """{"connectorId":0,"errorCode":"NoError","status":"Available"}""");

        await using var db = server.CreateDbContext();
        var stored = await db.Stations.SingleAsync(s => s.Id == "CP-16", TestContext.Current.CancellationToken);
        Assert.Equal(("Acme", "AC22", "SN1", "1.2.3", "8901", "M1"), (stored.Vendor, stored.Model, stored.SerialNumber, stored.FirmwareVersion, stored.Iccid, stored.MeterType));
        Assert.Equal("1.6", stored.OcppVersion);
        Assert.NotNull(stored.LastSeen);
        var connector = await db.Connectors.SingleAsync(c => c.StationId == "CP-16" && c.ConnectorId == 1, TestContext.Current.CancellationToken);
        Assert.Equal(("Faulted", "GroundFailure", 1), (connector.Status, connector.ErrorCode, connector.EvseId));
        Assert.True(await db.Connectors.AnyAsync(c => c.StationId == "CP-16" && c.ConnectorId == 0 && c.Status == "Available", TestContext.Current.CancellationToken));
        var alarm = await db.Alarms.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("GroundFailure", 1), (alarm.Code, alarm.ConnectorId));
        Assert.Equal(2, await db.StatusEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_full_transaction_keeps_its_energy_and_meter_values(string provider)
    {
        var (server, station) = await StartAsync(provider);
        await using var _ = server;
        await using var __ = station;

        // Timestamps relative to now: older than Csms:LateMessageThreshold would be flagged late.
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        string At(int minutes) => t0.AddMinutes(minutes).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var auth = await station.CallAsync("Authorize", """{"idTag":"TAG-OK"}""");
        Assert.Equal("Accepted", auth.GetProperty("idTagInfo").GetProperty("status").GetString());
        var start = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"TAG-OK","meterStart":1000,"timestamp":"{{At(0)}}"}""");
        var id = start.GetProperty("transactionId").GetInt32();
        Assert.True(id > 0);
        await station.CallAsync("MeterValues", $$"""{"connectorId":1,"transactionId":{{id}},"meterValue":[{"timestamp":"{{At(5)}}","sampledValue":[{"value":"1.5","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"7200","measurand":"Power.Active.Import","unit":"W"},{"value":"16.1","measurand":"Current.Import","phase":"L1","unit":"A"}]}]}""");
        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{id}},"idTag":"TAG-OK","meterStop":2500,"timestamp":"{{At(10)}}","reason":"EVDisconnected","transactionData":[{"timestamp":"{{At(10)}}","sampledValue":[{"value":"2500","context":"Transaction.End","measurand":"Energy.Active.Import.Register","unit":"Wh","location":"Outlet"}]}]}""");

        await using var db = server.CreateDbContext();
        var tx = await db.Transactions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), tx.TransactionId);
        Assert.Equal((1000m, 2500m, 1500m, "EVDisconnected"), (tx.MeterStartWh!.Value, tx.MeterStopWh!.Value, tx.EnergyWh!.Value, tx.StopReason));
        Assert.Equal(TransactionProblems.None, tx.Problems);
        var values = await db.MeterValues.Where(v => v.TransactionDbId == tx.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, values.Count);
        Assert.Contains(values, v => v is { Measurand: "Current.Import", Phase: "L1", Unit: "A", Value: "16.1" });
        Assert.Contains(values, v => v is { Context: "Transaction.End", Location: "Outlet", Value: "2500" });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_retried_StartTransaction_gets_the_same_id_and_a_repeated_stop_is_applied_once(string provider)
    {
        var (server, station) = await StartAsync(provider);
        await using var _ = server;
        await using var __ = station;
        const string start = """{"connectorId":2,"idTag":"TAG-OK","meterStart":50,"timestamp":"2026-11-23T11:00:00Z"}""";

        var first = (await station.CallAsync("StartTransaction", start)).GetProperty("transactionId").GetInt32();
        var retry = (await station.CallAsync("StartTransaction", start)).GetProperty("transactionId").GetInt32();
        var other = (await station.CallAsync("StartTransaction", """{"connectorId":2,"idTag":"TAG-OK","meterStart":60,"timestamp":"2026-11-23T12:00:00Z"}""")).GetProperty("transactionId").GetInt32();
        Assert.Equal(first, retry);
        Assert.NotEqual(first, other);
        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{first}},"meterStop":80,"timestamp":"2026-11-23T11:30:00Z"}""");
        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{first}},"meterStop":99,"timestamp":"2026-11-23T11:31:00Z","reason":"Remote"}""");

        await using var db = server.CreateDbContext();
        var tx = await db.Transactions.SingleAsync(t => t.TransactionId == first.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);
        Assert.Equal((80m, 30m, "Local"), (tx.MeterStopWh!.Value, tx.EnergyWh!.Value, tx.StopReason));
        Assert.Equal(2, await db.Transactions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Business_problems_are_accepted_stored_and_flagged_never_a_CALLERROR(string provider)
    {
        var (server, station) = await StartAsync(provider);
        await using var _ = server;
        await using var __ = station;

        var unknown = await station.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"NOBODY","meterStart":0,"timestamp":"2020-01-01T00:00:00Z"}""");
        Assert.Equal("Invalid", unknown.GetProperty("idTagInfo").GetProperty("status").GetString());
        var blocked = await station.CallAsync("Authorize", """{"idTag":"TAG-BLOCKED"}""");
        Assert.Equal("Blocked", blocked.GetProperty("idTagInfo").GetProperty("status").GetString());
        await station.CallAsync("StopTransaction", """{"transactionId":424242,"meterStop":10,"timestamp":"2026-11-23T10:00:00Z"}""");
        await station.CallAsync("MeterValues", """{"connectorId":1,"transactionId":777,"meterValue":[{"timestamp":"2026-11-23T10:00:00Z","sampledValue":[{"value":"5"}]}]}""");

        await using var db = server.CreateDbContext();
        var started = await db.Transactions.SingleAsync(t => t.IdTag == "NOBODY", TestContext.Current.CancellationToken);
        Assert.True(started.Problems.HasFlag(TransactionProblems.UnknownIdTag));
        Assert.True(started.Problems.HasFlag(TransactionProblems.LateTimestamp));
        var orphan = await db.Transactions.SingleAsync(t => t.TransactionId == "424242", TestContext.Current.CancellationToken);
        Assert.True(orphan.Problems.HasFlag(TransactionProblems.UnknownTransaction));
        Assert.True(await db.MeterValues.AnyAsync(v => v.Value == "5" && v.TransactionDbId == null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Notifications_keep_their_history_with_the_request_id(string provider)
    {
        var (server, station) = await StartAsync(provider);
        await using var _ = server;
        await using var __ = station;

        await station.CallAsync("FirmwareStatusNotification", """{"status":"Downloading"}""");
        await station.CallAsync("FirmwareStatusNotification", """{"status":"Installed"}""");
        await station.CallAsync("DiagnosticsStatusNotification", """{"status":"Uploaded"}""");
        await station.CallAsync("LogStatusNotification", """{"status":"Uploading","requestId":7}""");
        await station.CallAsync("SignedFirmwareStatusNotification", """{"status":"SignatureVerified","requestId":8}""");
        await station.CallAsync("SecurityEventNotification", """{"type":"TamperDetectionActivated","timestamp":"2026-11-23T10:00:00Z","techInfo":"lid"}""");
        var signed = await station.CallAsync("SignCertificate", """{"csr":"-----BEGIN CERTIFICATE REQUEST-----"}""");
        Assert.Equal("Rejected", signed.GetProperty("status").GetString());
        var transfer = await station.CallAsync("DataTransfer", """{"vendorId":"com.acme","messageId":"x","data":"y"}""");
        Assert.Equal("UnknownVendorId", transfer.GetProperty("status").GetString());

        await using var db = server.CreateDbContext();
        var notices = await db.Notices.OrderBy(n => n.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Downloading", "Installed"], notices.Where(n => n.Action == "FirmwareStatusNotification").Select(n => n.Status));
        Assert.Contains(notices, n => n is { Action: "LogStatusNotification", RequestId: 7, Status: "Uploading" });
        Assert.Contains(notices, n => n is { Action: "SignedFirmwareStatusNotification", RequestId: 8 });
        Assert.Contains(notices, n => n.Action == "DataTransfer" && n.Payload.Contains("com.acme", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Action == "SignCertificate");
        Assert.True(await db.Alarms.AnyAsync(a => a.Code == "TamperDetectionActivated", TestContext.Current.CancellationToken));
    }
}
