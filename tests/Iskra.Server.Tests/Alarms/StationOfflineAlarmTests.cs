using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator;

namespace Iskra.Server.Tests.Alarms;

/// <summary>StationOffline: a simulated station loses its network; the alarm opens once, stays one, and clears when it is back.</summary>
public sealed class StationOfflineAlarmTests(AlarmServers servers) : IClassFixture<AlarmServers>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_station_offline_longer_than_After_opens_one_alarm_that_clears_when_it_connects(string provider)
    {
        var server = await servers.OnAsync(provider);
        var id = "offline-" + provider;
        await using var station = await SimulatedStations.StartAsync(server, id, OcppVersion.V16);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Empty(await server.AlarmsAsync(id, "StationOffline")); // connected: no alarm however long

        await station.NetworkDownAsync();
        var alarm = await server.OpenedAsync(id, "StationOffline");
        Assert.Equal("Major", alarm.GetProperty("severity").GetString());
        Assert.StartsWith($"{id} has been offline since ", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, alarm.GetProperty("count").GetInt32());
        await server.AssertStaysOneAsync(id, "StationOffline", alarm.GetProperty("id").GetInt64(), 1);

        await station.NetworkUpAsync();
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await server.ClearedAsync(id, "StationOffline", alarm.GetProperty("id").GetInt64());
    }
}
