using System.Globalization;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Durability;

/// <summary>SPEC §3: everything a station sends is stored before its CALLRESULT, and survives kill -9 and a restart.</summary>
public sealed class KillAndRestartTests
{
    private static readonly Dictionary<string, string> Seeds = new()
    {
        ["ISKRA_Seed__Stations__0__Id"] = "CP-K",
        ["ISKRA_Seed__Stations__0__Password"] = Seed.Password,
        ["ISKRA_Seed__Stations__1__Id"] = "CS-K",
        ["ISKRA_Seed__Stations__1__Password"] = Seed.Password,
        ["ISKRA_Seed__IdTags__0__IdTag"] = "TAG-K",
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Everything_acknowledged_before_a_kill_9_is_there_after_a_restart(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        int transactionId;
        await using (var first = await ServerProcess.StartAsync(database.ConnectionString, Seeds))
        {
            await using var v16 = await TestStation.ConnectAsync(first.OcppUri("CP-K"), "CP-K", OcppVersion.V16, Seed.Password);
            await using var v201 = await TestStation.ConnectAsync(first.OcppUri("CS-K"), "CS-K", OcppVersion.V201, Seed.Password);
            await v16.CallAsync("BootNotification", """{"chargePointVendor":"Acme","chargePointModel":"K1"}""");
            var start = await v16.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"TAG-K","meterStart":0,"timestamp":"2026-11-23T10:00:00Z"}""");
            transactionId = start.GetProperty("transactionId").GetInt32();
            for (var i = 1; i <= 50; i++)
            {
                await v16.CallAsync("MeterValues", $$"""{"connectorId":1,"transactionId":{{transactionId}},"meterValue":[{"timestamp":"2026-11-23T10:{{i:00}}:00Z","sampledValue":[{"value":"{{i * 100}}"}]}]}""");
            }

            await v201.CallAsync("TransactionEvent", """{"eventType":"Started","timestamp":"2026-11-23T10:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"K-201"},"idToken":{"idToken":"TAG-K","type":"ISO14443"},"evse":{"id":1,"connectorId":1}}""");
            await v201.CallAsync("StatusNotification", """{"timestamp":"2026-11-23T10:00:00Z","connectorStatus":"Occupied","evseId":1,"connectorId":1}""");
            await first.KillAsync();
        }

        await using (var db = ServerProcess.OpenDatabase(database.ConnectionString))
        {
            var ct = TestContext.Current.CancellationToken;
            var tx = await db.Transactions.SingleAsync(t => t.StationId == "CP-K", ct);
            Assert.Equal(transactionId.ToString(CultureInfo.InvariantCulture), tx.TransactionId);
            Assert.Equal(50, await db.MeterValues.CountAsync(v => v.TransactionDbId == tx.Id, ct));
            Assert.Equal(5000m, tx.MeterStopWh);
            Assert.True(await db.Transactions.AnyAsync(t => t.StationId == "CS-K" && t.TransactionId == "K-201", ct));
            Assert.True(await db.Connectors.AnyAsync(c => c.StationId == "CS-K" && c.Status == "Occupied", ct));
            Assert.Equal("Acme", (await db.Stations.SingleAsync(s => s.Id == "CP-K", ct)).Vendor);
        }

        await using var second = await ServerProcess.StartAsync(database.ConnectionString, Seeds);
        await using var again = await TestStation.ConnectAsync(second.OcppUri("CP-K"), "CP-K", OcppVersion.V16, Seed.Password);
        await again.CallAsync("StopTransaction", $$"""{"transactionId":{{transactionId}},"meterStop":6000,"timestamp":"2026-11-23T11:00:00Z"}""");
        await using var after = ServerProcess.OpenDatabase(database.ConnectionString);
        var stopped = await after.Transactions.SingleAsync(t => t.StationId == "CP-K", TestContext.Current.CancellationToken);
        Assert.Equal(6000m, stopped.EnergyWh);
    }
}
