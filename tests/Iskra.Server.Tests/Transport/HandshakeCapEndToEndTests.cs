using System.Net.WebSockets;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Transport;

/// <summary>
/// One address holds at most <c>Ocpp:MaxHandshakesPerAddress</c> handshakes whose admission is in progress
/// (HandshakeGate, docs/decisions/007-admission-limits.md); a further one is refused with 429 before any work,
/// while a station from another address is admitted. Over real sockets from two loopback addresses.
/// </summary>
public sealed class HandshakeCapEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handshakes_over_the_cap_from_one_address_are_refused_while_another_address_connects()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Ocpp:MaxHandshakesPerAddress"] = "2",
            ["Csms:AdmitUnknownStations"] = "true", // admitting an unknown id stores it first: admission waits on the writer
        });
        await server.StationAsync("elsewhere");
        var port = server.BaseUri.Port;

        // Hold the storage writer, so the admissions from 127.0.0.1 stay in progress.
        var writer = server.Services.GetRequiredService<StorageWriter>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = writer.WriteAsync(0, async (_, _, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return true;
        }, Ct);
        await entered.Task;
        var first = RawHandshake.SendAsync(port, "/ocpp/cap-1");
        var second = RawHandshake.SendAsync(port, "/ocpp/cap-2");
        while (writer.Health().QueueDepth < 2)
        {
            await Task.Delay(10, Ct); // both admissions are waiting to store their station
        }

        using (var third = await RawHandshake.SendAsync(port, "/ocpp/cap-3"))
        {
            Assert.Equal(429, third.Status);
            Assert.Equal("10", third.Headers["retry-after"]);
        }

        using (var other = await FromAddress.ConnectAsync(server, "elsewhere", Seed.Password, "127.0.0.2"))
        {
            Assert.Equal(WebSocketState.Open, other.State);
        }

        Assert.False(first.IsCompleted || second.IsCompleted);
        release.SetResult();
        await held;
        using (var one = await first)
        using (var two = await second)
        {
            Assert.Equal((101, 101), (one.Status, two.Status));
        }

        using (var again = await RawHandshake.SendAsync(port, "/ocpp/cap-3"))
        {
            Assert.Equal(101, again.Status); // the slots are free once admission has decided
        }

        await server.FlushRefusalsAsync();
        await using var db = server.CreateDbContext();
        var refused = await db.ConnectionAttempts.Where(a => a.Reason == RefusalReason.TooManyHandshakes).ToListAsync(Ct);
        Assert.Equal(("127.0.0.1", 1), (Assert.Single(refused).RemoteAddress, refused[0].Count));
    }
}
