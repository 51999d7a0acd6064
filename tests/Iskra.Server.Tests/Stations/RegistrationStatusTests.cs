using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Stations;

/// <summary>
/// A station that is not Accepted may only boot, on both versions (2.0.1 B02.FR.09 / B03.FR.07;
/// OCPP 1.6 §4.2 and OCPP-J 1.6 errata §5.6: SecurityError). It is admitted at the handshake so it
/// can learn its status from BootNotification.
/// </summary>
public sealed class RegistrationStatusTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static int _next;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "sqlite", "1.6", "Rejected" }, { "sqlite", "1.6", "Pending" }, { "sqlite", "2.0.1", "Rejected" },
        { "postgres", "1.6", "Rejected" }, { "postgres", "1.6", "Pending" }, { "postgres", "2.0.1", "Rejected" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_station_not_accepted_is_told_its_status_and_may_send_nothing_else(string provider, string version, string status)
    {
        var server = On(provider);
        var id = $"REG{Interlocked.Increment(ref _next)}-{status}";
        await server.StationAsync(id, status: Enum.Parse<RegistrationState>(status));
        var ocpp = version == "1.6" ? OcppVersion.V16 : OcppVersion.V201;
        await using var station = await TestStation.ConnectAsync(server, id, ocpp, Seed.Password);

        if (ocpp == OcppVersion.V16)
        {
            var boot = await station.CallAsync("BootNotification", """{"chargePointVendor":"Acme","chargePointModel":"AC22"}""");
            Assert.Equal(status, boot.GetProperty("status").GetString());
            Assert.Equal("SecurityError", await station.CallExpectingErrorAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"TAG-{{id}}","meterStart":0,"timestamp":"{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}}"}"""));
            Assert.Equal("SecurityError", await station.CallExpectingErrorAsync("Heartbeat", "{}"));
            Assert.Equal("SecurityError", await station.CallExpectingErrorAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}"""));
        }
        else
        {
            var boot = await station.CallAsync("BootNotification", """{"reason":"PowerUp","chargingStation":{"vendorName":"Acme","model":"AC22"}}""");
            Assert.Equal(status, boot.GetProperty("status").GetString());
            Assert.Equal("SecurityError", await station.CallExpectingErrorAsync("Heartbeat", "{}"));
        }

        await using var db = server.CreateDbContext();
        Assert.False(await db.Transactions.AnyAsync(t => t.StationId == id, Ct));
        Assert.False(await db.Connectors.AnyAsync(c => c.StationId == id, Ct));
    }
}
