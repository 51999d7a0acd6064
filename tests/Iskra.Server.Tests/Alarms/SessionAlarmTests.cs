using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator;
using Iskra.Simulator.Faults;

namespace Iskra.Server.Tests.Alarms;

/// <summary>
/// NoMeterValues and SessionSuspended: a simulated session stops sending meter values (the NoMeterValues fault), or the EV
/// pauses (SuspendedEV); the alarm of its connector opens once, stays one, and clears when the condition ends.
/// </summary>
public sealed class SessionAlarmTests(AlarmServers servers) : IClassFixture<AlarmServers>
{
    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_session_without_meter_values_opens_an_alarm_that_clears_when_they_return_or_the_session_ends(string provider, OcppVersion version)
    {
        var server = await servers.OnAsync(provider);
        var id = $"mv-{provider}-{version}";
        await server.IdTagAsync("C-" + id);
        await using var station = await SimulatedStations.StartAsync(server, id, version);
        var session = await station.StartSessionAsync(1, "C-" + id);
        await Task.Delay(3500, TestContext.Current.CancellationToken);
        Assert.Empty(await server.AlarmsAsync(id, "NoMeterValues")); // a sample every second: no alarm

        station.Faults.Set(StationFault.NoMeterValues, true);
        var alarm = await server.OpenedAsync(id, "NoMeterValues");
        Assert.Equal("Minor", alarm.GetProperty("severity").GetString());
        Assert.Equal(1, alarm.GetProperty("evseId").GetInt32());
        Assert.Equal(1, alarm.GetProperty("connectorId").GetInt32());
        Assert.Contains("has sent no meter values since", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);
        await server.AssertStaysOneAsync(id, "NoMeterValues", alarm.GetProperty("id").GetInt64(), 1);

        station.Faults.Set(StationFault.NoMeterValues, false); // the samples resume: cleared on their write
        await server.ClearedAsync(id, "NoMeterValues", alarm.GetProperty("id").GetInt64());

        station.Faults.Set(StationFault.NoMeterValues, true);
        var again = await server.OpenedAsync(id, "NoMeterValues");
        Assert.NotEqual(alarm.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        await station.UnplugAsync(1); // the session ends
        await server.ClearedAsync(id, "NoMeterValues", again.GetProperty("id").GetInt64());
        Assert.NotNull(session);
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_session_suspended_longer_than_After_opens_an_alarm_that_clears_when_charging_resumes(string provider, OcppVersion version)
    {
        var server = await servers.OnAsync(provider);
        var id = $"su-{provider}-{version}";
        await server.IdTagAsync("C-" + id);
        await using var station = await SimulatedStations.StartAsync(server, id, version);
        await station.StartSessionAsync(1, "C-" + id);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Empty(await server.AlarmsAsync(id, "SessionSuspended")); // charging: no alarm

        await station.SuspendEvAsync(1);
        var alarm = await server.OpenedAsync(id, "SessionSuspended");
        Assert.Equal("Warning", alarm.GetProperty("severity").GetString());
        Assert.Equal(1, alarm.GetProperty("connectorId").GetInt32());
        Assert.Contains("has been SuspendedEV since", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);
        await server.AssertStaysOneAsync(id, "SessionSuspended", alarm.GetProperty("id").GetInt64(), 1);

        await station.ResumeEvAsync(1);
        await server.ClearedAsync(id, "SessionSuspended", alarm.GetProperty("id").GetInt64());

        await station.SuspendEvAsync(1);
        var again = await server.OpenedAsync(id, "SessionSuspended");
        await station.UnplugAsync(1); // the session ends while suspended
        await server.ClearedAsync(id, "SessionSuspended", again.GetProperty("id").GetInt64());
    }
}
