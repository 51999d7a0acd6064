using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;

namespace Iskra.Server.Tests.Alarms;

/// <summary>
/// RemoteStartWithoutSession: the simulated station accepts remote starts and starts nothing (the
/// NoTransactionAfterRemoteStart fault). The alarm opens once, a second such start counts on it, and a session that
/// starts there clears it; left alone it clears after ClearAfter without a repeat.
/// </summary>
public sealed class RemoteStartAlarmTests(AlarmServers servers) : IClassFixture<AlarmServers>
{
    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task An_accepted_remote_start_without_a_session_opens_an_alarm_that_a_session_clears(string provider, OcppVersion version)
    {
        var server = await servers.OnAsync(provider);
        var id = $"rs-{provider}-{version}";
        var card = "A-" + id;
        await server.IdTagAsync(card);
        await using var station = await SimulatedStations.StartAsync(server, id, version);
        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        station.Faults.Set(StationFault.NoTransactionAfterRemoteStart, true);
        using var api = server.Api();

        await RemoteStartAsync(api, id, card);
        var alarm = await server.OpenedAsync(id, "RemoteStartWithoutSession");
        Assert.Equal("Major", alarm.GetProperty("severity").GetString());
        Assert.Equal(1, alarm.GetProperty("evseId").GetInt32());
        var message = alarm.GetProperty("message").GetString()!;
        Assert.Contains($"accepted the remote start for {card} at ", message, StringComparison.Ordinal);
        Assert.StartsWith(version == OcppVersion.V16 ? $"{id} connector 1 " : $"{id} EVSE 1 ", message, StringComparison.Ordinal);
        await server.AssertStaysOneAsync(id, "RemoteStartWithoutSession", alarm.GetProperty("id").GetInt64(), 1);

        await RemoteStartAsync(api, id, card); // the same again: counted on the open alarm
        var counted = await server.CountedAsync(id, "RemoteStartWithoutSession", 2);
        Assert.Equal(alarm.GetProperty("id").GetInt64(), counted.GetProperty("id").GetInt64());

        station.Faults.Set(StationFault.NoTransactionAfterRemoteStart, false);
        await RemoteStartAsync(api, id, card);
        await station.WaitUntilAsync(s => s.Connector(1).Session is not null, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var cleared = await server.ClearedAsync(id, "RemoteStartWithoutSession", alarm.GetProperty("id").GetInt64());
        Assert.True(cleared.GetProperty("clearedAt").GetDateTimeOffset() - cleared.GetProperty("lastSeenAt").GetDateTimeOffset() < TimeSpan.FromSeconds(6),
            "cleared by the session, not by ClearAfter");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_alarm_clears_after_ClearAfter_without_a_repeat(string provider)
    {
        var server = await servers.OnAsync(provider);
        var id = $"rq-{provider}";
        var card = "A-" + id;
        await server.IdTagAsync(card);
        await using var station = await SimulatedStations.StartAsync(server, id, OcppVersion.V201);
        station.Faults.Set(StationFault.NoTransactionAfterRemoteStart, true);
        using var api = server.Api();

        await RemoteStartAsync(api, id, card);
        var alarm = await server.OpenedAsync(id, "RemoteStartWithoutSession");
        var cleared = await server.ClearedAsync(id, "RemoteStartWithoutSession", alarm.GetProperty("id").GetInt64());
        Assert.True(cleared.GetProperty("clearedAt").GetDateTimeOffset() - cleared.GetProperty("lastSeenAt").GetDateTimeOffset() >= TimeSpan.FromSeconds(6));
        Assert.Equal(1, cleared.GetProperty("count").GetInt32());
    }

    private static async Task RemoteStartAsync(HttpClient api, string stationId, string card)
    {
        var answer = await (await api.PostJsonAsync($"/api/stations/{stationId}/commands/remote-start", $$"""{"connectorId":1,"idTag":"{{card}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, answer.GetProperty("remoteStartId").ValueKind);
    }
}
