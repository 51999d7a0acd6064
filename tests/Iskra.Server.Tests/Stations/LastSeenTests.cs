using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Stations;

/// <summary>
/// A station's <c>lastSeen</c> follows every message it sends, not only heartbeats and boots: the API shows
/// the live value of a connected station, and the stored one is written at most every
/// <c>Csms:LastSeenWriteInterval</c>, never once per message.
/// </summary>
public sealed class LastSeenTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_station_that_sends_no_heartbeat_has_its_lastSeen_advance_with_its_other_messages(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("seen");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        var booted = await LastSeenAsync(server, id);
        var stored = await StoredAsync(server, id);

        await Task.Delay(1100, TestContext.Current.CancellationToken);
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Preparing"}""");
        var afterStatus = await LastSeenAsync(server, id);
        Assert.True(afterStatus >= booted.AddSeconds(1), $"lastSeen {afterStatus:O} did not move on from {booted:O} with a StatusNotification");

        await Task.Delay(1100, TestContext.Current.CancellationToken);
        await station.CallAsync("MeterValues", """{"connectorId":1,"meterValue":[{"timestamp":"2026-11-23T10:00:00Z","sampledValue":[{"value":"10"}]}]}""");
        var afterMeter = await LastSeenAsync(server, id);
        Assert.True(afterMeter >= afterStatus.AddSeconds(1), $"lastSeen {afterMeter:O} did not move on from {afterStatus:O} with MeterValues");

        // Within the write interval (default a minute) those messages cost no write of their own.
        Assert.Equal(stored, await StoredAsync(server, id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_stored_lastSeen_is_written_with_a_message_once_the_write_interval_has_passed(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?> { ["Csms:LastSeenWriteInterval"] = "00:00:01" });
        const string id = "seen-stored";
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        var booted = await StoredAsync(server, id);

        await Task.Delay(1100, TestContext.Current.CancellationToken);
        await station.CallAsync("StatusNotification", """{"timestamp":"2026-11-23T10:00:00Z","connectorStatus":"Occupied","evseId":1,"connectorId":1}""");

        var stored = await StoredAsync(server, id);
        Assert.True(stored >= booted!.Value.AddSeconds(1), $"stored lastSeen {stored:O}, booted {booted:O}");
    }

    private static async Task<DateTimeOffset> LastSeenAsync(IskraServer server, string id)
    {
        var view = await (await server.Api().GetPathAsync($"/api/stations/{id}")).JsonAsync(200);
        Assert.True(view.GetProperty("connected").GetBoolean());
        return view.GetProperty("lastSeen").GetDateTimeOffset();
    }

    private static async Task<DateTimeOffset?> StoredAsync(IskraServer server, string id)
    {
        await using var db = server.CreateDbContext();
        return await db.Stations.AsNoTracking().Where(s => s.Id == id).Select(s => s.LastSeen).SingleAsync(TestContext.Current.CancellationToken);
    }
}
