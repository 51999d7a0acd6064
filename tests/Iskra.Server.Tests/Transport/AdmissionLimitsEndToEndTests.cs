using System.Net.WebSockets;
using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Transport;

/// <summary>
/// Failed handshakes are limited per (id, address) and per address, never per id alone, over real
/// sockets from different loopback addresses (docs/decisions/007-admission-limits.md).
/// </summary>
public sealed class AdmissionLimitsEndToEndTests
{
    private const string Wrong = "wrong-password-0123456";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Guessing_neither_locks_a_station_out_from_elsewhere_nor_the_stations_behind_the_guessers_address(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?>
        {
            ["Csms:MaxFailedHandshakes"] = "3",
            ["Csms:MaxFailedHandshakesPerAddress"] = "4",
        });
        await server.StationAsync("X");
        await server.StationAsync("Z");

        // Z is a station behind the NAT 127.0.0.4; it has connected before.
        using (var z = await FromAddress.ConnectAsync(server, "Z", Seed.Password, "127.0.0.4"))
        {
            await z.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Ct);
        }

        // (a) ten wrong passwords for X from 127.0.0.2 ...
        for (var i = 0; i < 10; i++)
        {
            Assert.Contains("401", await FromAddress.RefusedAsync(() => FromAddress.ConnectAsync(server, "X", Wrong, "127.0.0.2")), StringComparison.Ordinal);
        }

        // ... do not stop X from 127.0.0.3 with its password.
        using (var x = await FromAddress.ConnectAsync(server, "X", Seed.Password, "127.0.0.3"))
        {
            Assert.Equal(WebSocketState.Open, x.State);
        }

        // (b) failures from 127.0.0.4 for other ids do not stop Z behind that address.
        for (var i = 0; i < 10; i++)
        {
            await FromAddress.RefusedAsync(() => FromAddress.ConnectAsync(server, $"GUESS{i}", Wrong, "127.0.0.4"));
        }

        using (var z = await FromAddress.ConnectAsync(server, "Z", Seed.Password, "127.0.0.4"))
        {
            Assert.Equal(WebSocketState.Open, z.State);
        }

        await server.FlushRefusalsAsync();
        await using var db = server.CreateDbContext();
        var limited = await db.ConnectionAttempts.Where(a => a.Reason == RefusalReason.RateLimited).ToListAsync(Ct);
        Assert.Equal(7, limited.Where(a => a.StationId == "X").Sum(a => a.Count)); // after 3 BadCredentials
        Assert.Equal(6, limited.Where(a => a.RemoteAddress == "127.0.0.4").Sum(a => a.Count)); // after 4 UnknownStation
        Assert.True(await db.Notices.AnyAsync(n => n.StationId == "X" && n.Action == AdmissionGuard.FailedAuthentication, Ct) || await WaitForNoticeAsync(server, "X"));
    }

    private static async Task<bool> WaitForNoticeAsync(IskraServer server, string id)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var db = server.CreateDbContext();
            if (await db.Notices.AnyAsync(n => n.StationId == id && n.Action == AdmissionGuard.FailedAuthentication, Ct))
            {
                return true;
            }

            await Task.Delay(50, Ct);
        }

        return false;
    }
}
