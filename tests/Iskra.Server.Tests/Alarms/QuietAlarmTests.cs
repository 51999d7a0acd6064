using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Alarms;

/// <summary>QuietAlarms: a security event's alarm counts repeats and clears after ClearAfter (2 s here) without one.</summary>
public sealed class QuietAlarmTests(AlarmServers servers) : IClassFixture<AlarmServers>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_security_event_alarm_counts_repeats_and_clears_once_quiet(string provider)
    {
        var server = await servers.OnAsync(provider);
        var id = "tamper-" + provider;
        await server.StationAsync(id);
        await using var station = await TestStation.ConnectAsync(server, id, OcppVersion.V201, Seed.Password);
        await station.CallAsync("BootNotification", """{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}""");
        var tamper = $$"""{"type":"TamperDetectionActivated","timestamp":"{{DateTimeOffset.UtcNow:O}}"}""";

        await station.CallAsync("SecurityEventNotification", tamper);
        var alarm = await server.OpenedAsync(id, "SecurityEvent");
        Assert.Equal("Critical", alarm.GetProperty("severity").GetString());
        await station.CallAsync("SecurityEventNotification", tamper);
        var counted = await server.CountedAsync(id, "SecurityEvent", 2);
        Assert.Equal(alarm.GetProperty("id").GetInt64(), counted.GetProperty("id").GetInt64());

        var cleared = await server.ClearedAsync(id, "SecurityEvent", alarm.GetProperty("id").GetInt64());
        Assert.True(cleared.GetProperty("clearedAt").GetDateTimeOffset() - cleared.GetProperty("lastSeenAt").GetDateTimeOffset() >= TimeSpan.FromSeconds(2));
        Assert.Equal(2, cleared.GetProperty("count").GetInt32());
    }
}
