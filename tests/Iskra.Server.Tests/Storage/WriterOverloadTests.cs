using Iskra.Csms.Storage;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Storage;

/// <summary>
/// Overload: while the storage writer's oldest write has waited longer than Csms:MaxStorageDelay, a
/// station's call is refused at once with a CALLERROR instead of queueing behind the backlog, traffic
/// rows are dropped, and what was already queued is still stored and answered.
/// </summary>
public sealed class WriterOverloadTests
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_call_that_arrives_while_the_writer_is_behind_is_refused_at_once_and_queued_work_is_kept()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Csms:MaxStorageDelay"] = "00:00:00.200",
        });
        await server.StationAsync("OVL-1");
        await server.StationAsync("OVL-2");
        await using var first = await TestStation.ConnectAsync(server, "OVL-1", OcppVersion.V16, Seed.Password);
        await using var second = await TestStation.ConnectAsync(server, "OVL-2", OcppVersion.V16, Seed.Password);
        await first.CallAsync("BootNotification", """{"chargePointVendor":"V","chargePointModel":"M"}""");
        await second.CallAsync("BootNotification", """{"chargePointVendor":"V","chargePointModel":"M"}""");

        // A write that holds the writer, as a locked database does.
        var writer = server.Services.GetRequiredService<StorageWriter>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = writer.WriteAsync(release, static async (_, gate, _) =>
        {
            await gate.Task;
            return 0;
        }, TestContext.Current.CancellationToken);

        // Queued behind it before the delay passed: kept, answered once the writer moves again.
        var queued = first.SendRawAsync("""[2,"q1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Faulted"}]""");
        await WaitUntilAsync(() => writer.IsOverloaded);
        var droppedBefore = writer.Dropped;

        var refused = await second.SendRawAsync("""[2,"h1","Heartbeat",{}]""").WaitAsync(AnswerWithin, TestContext.Current.CancellationToken);
        TestStation.AssertCallError(refused, "h1");
        Assert.Equal("InternalError", refused[2].GetString());
        Assert.Contains("overloaded", refused[3].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, writer.Shed);
        Assert.True(writer.Dropped > droppedBefore, "the traffic rows of the refused call are dropped, not queued");
        Assert.False(queued.IsCompleted);

        release.SetResult();
        await stuck.WaitAsync(AnswerWithin, TestContext.Current.CancellationToken);
        var answered = await queued.WaitAsync(AnswerWithin, TestContext.Current.CancellationToken);
        Assert.Equal(3, answered[0].GetInt32());
        await WaitUntilAsync(() => !writer.IsOverloaded);
        await second.CallAsync("Heartbeat", "{}");

        using var db = server.CreateDbContext();
        var connector = await db.Connectors.SingleAsync(c => c.StationId == "OVL-1" && c.ConnectorId == 1, TestContext.Current.CancellationToken);
        Assert.Equal("Faulted", connector.Status);
    }

    [Fact]
    public async Task With_shedding_turned_off_a_call_waits_for_the_writer_instead()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Csms:MaxStorageDelay"] = "00:00:00",
        });
        await server.StationAsync("OVL-3");
        await using var station = await TestStation.ConnectAsync(server, "OVL-3", OcppVersion.V16, Seed.Password);
        await station.CallAsync("BootNotification", """{"chargePointVendor":"V","chargePointModel":"M"}""");
        var writer = server.Services.GetRequiredService<StorageWriter>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = writer.WriteAsync(release, static async (_, gate, _) =>
        {
            await gate.Task;
            return 0;
        }, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => writer.Health().OldestWait > TimeSpan.FromMilliseconds(300));

        var heartbeat = station.SendRawAsync("""[2,"h2","Heartbeat",{}]""");
        Assert.False(writer.IsOverloaded);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(heartbeat.IsCompleted);

        release.SetResult();
        await stuck.WaitAsync(AnswerWithin, TestContext.Current.CancellationToken);
        Assert.Equal(3, (await heartbeat.WaitAsync(AnswerWithin, TestContext.Current.CancellationToken))[0].GetInt32());
        Assert.Equal(0, writer.Shed);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + AnswerWithin;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
