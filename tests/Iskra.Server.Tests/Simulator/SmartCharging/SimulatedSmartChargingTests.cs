using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Model;
using Iskra.Simulator.SmartCharging;

namespace Iskra.Server.Tests.Simulator.SmartCharging;

/// <summary>A simulated station's smart charging driven through Iskra's API, on both versions: the EV's power follows the profiles.</summary>
public sealed class SimulatedSmartChargingTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    /// <summary>A 1.6 ChargingProfile (Iskra translates it for a 2.0.1 station) with one period per (start, limit).</summary>
    private static string Profile(int id, string purpose, string kind, string unit, string extra, params (int Start, double Limit)[] periods) =>
        $$"""{"chargingProfileId":{{id}},"stackLevel":0,"chargingProfilePurpose":"{{purpose}}","chargingProfileKind":"{{kind}}"{{extra}},"chargingSchedule":{{Schedule(unit, "", periods)}}}""";

    private static string Schedule(string unit, string extra, params (int Start, double Limit)[] periods) =>
        $$"""{"chargingRateUnit":"{{unit}}"{{extra}},"chargingSchedulePeriod":[{{string.Join(",", periods.Select(p => $$"""{"startPeriod":{{p.Start}},"limit":{{p.Limit}}}"""))}}]}""";

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_charging_profile_lowers_a_running_sessions_power_and_clearing_it_restores_full_power(OcppVersion version)
    {
        var id = $"sim-sc-limit-{version}";
        await Server.IdTagAsync("SC-LIMIT-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();

        // 1.6 §3.13.1: a TxProfile without a transaction on its connector is discarded.
        var early = await api.CommandAsync(id, "set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{Profile(9, "TxProfile", "Relative", "A", "", (0, 8))}}}""");
        Assert.Equal("Rejected", early.GetProperty("status").GetString());

        await station.StartSessionAsync(1, "SC-LIMIT-" + version);
        await station.WaitForPowerAsync(1, 11_000); // the EV's own maximum
        var set = await api.CommandAsync(id, "set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{Profile(1, "TxDefaultProfile", "Relative", "A", "", (0, 8))}}}""");
        Assert.Equal("Accepted", set.GetProperty("status").GetString());

        await station.WaitForPowerAsync(1, 8 * 230 * 3);
        await api.WaitForStoredPowerAsync(id, 8 * 230 * 3);
        var tooMany = await api.CommandAsync(id, "set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{Profile(2, "TxDefaultProfile", "Relative", "A", "", [.. Enumerable.Range(0, 25).Select(i => (i * 60, 8.0))])}}}""");
        Assert.Equal("Rejected", tooMany.GetProperty("status").GetString()); // ChargingScheduleMaxPeriods 24

        var cleared = await api.CommandAsync(id, "clear-charging-profile", """{"id":1}""");
        Assert.Equal("Accepted", cleared.GetProperty("status").GetString());
        await station.WaitForPowerAsync(1, 11_000);
        await api.WaitForStoredPowerAsync(id, 11_000);
        var again = await api.CommandAsync(id, "clear-charging-profile", """{"id":1}""");
        Assert.Equal("Unknown", again.GetProperty("status").GetString());

        // A limit of 0 suspends the EV (SuspendedEVSE); clearing by connector, purpose and stack level lifts it.
        var zero = Profile(3, "TxDefaultProfile", "Relative", "A", "", (0, 0)).Replace("\"stackLevel\":0", "\"stackLevel\":1", StringComparison.Ordinal);
        Assert.Equal("Accepted", (await api.CommandAsync(id, "set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{zero}}}""")).GetProperty("status").GetString());
        await station.WaitUntilAsync(s => s.Connector(1).Status == ConnectorStatus.SuspendedEVSE && s.Connector(1).PowerW == 0, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var byCriteria = await api.CommandAsync(id, "clear-charging-profile", """{"connectorId":1,"chargingProfilePurpose":"TxDefaultProfile","stackLevel":1}""");
        Assert.Equal("Accepted", byCriteria.GetProperty("status").GetString());
        await station.WaitUntilAsync(s => s.Connector(1).Status == ConnectorStatus.Charging, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        await station.UnplugAsync(1);
        await station.SettleAsync();
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task The_composite_schedule_is_the_minimum_of_the_station_max_profile_and_the_tx_profile(OcppVersion version)
    {
        var id = $"sim-sc-composite-{version}";
        await Server.IdTagAsync("SC-COMP-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        await station.StartSessionAsync(1, "SC-COMP-" + version);
        await station.WaitUntilAsync(s => version == OcppVersion.V201 || s.Connector(1).Session?.CsmsTransactionId is not null, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var session = station.Connector(1).Session!;
        var transactionId = version == OcppVersion.V16 ? $"{session.CsmsTransactionId}" : $"\"{session.LocalId}\"";

        var since = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var maxProfile = $$"""{"chargingProfileId":10,"stackLevel":0,"chargingProfilePurpose":"ChargePointMaxProfile","chargingProfileKind":"Absolute","chargingSchedule":{{Schedule("W", $",\"startSchedule\":\"{since}\"", (0, 7000))}}}""";
        var max = await api.CommandAsync(id, "set-charging-profile", $$"""{"connectorId":0,"csChargingProfiles":{{maxProfile}}}""");
        Assert.Equal("Accepted", max.GetProperty("status").GetString());
        var tx = await api.CommandAsync(id, "set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{Profile(11, "TxProfile", "Relative", "A", $",\"transactionId\":{transactionId}", (0, 16), (120, 6))}}}""");
        Assert.Equal("Accepted", tx.GetProperty("status").GetString());
        await station.WaitForPowerAsync(1, 7000);

        var composite = await api.CommandAsync(id, "get-composite-schedule", """{"connectorId":1,"duration":300,"chargingRateUnit":"W"}""");
        Assert.Equal("Accepted", composite.GetProperty("status").GetString());
        var response = composite.GetProperty("response");
        var periods = (version == OcppVersion.V16 ? response.GetProperty("chargingSchedule") : response.GetProperty("schedule"))
            .GetProperty("chargingSchedulePeriod").EnumerateArray()
            .Select(p => (Start: p.GetProperty("startPeriod").GetInt32(), Limit: p.GetProperty("limit").GetDouble())).ToList();
        Assert.Equal(2, periods.Count);
        Assert.Equal((0, 7000.0), periods[0]); // the station max is below the TxProfile's 16 A (11 040 W)
        Assert.Equal(6 * 230 * 3, periods[1].Limit); // then the TxProfile's 6 A, 120 s after the transaction's start
        var scheduleStart = (version == OcppVersion.V16 ? response : response.GetProperty("schedule")).GetProperty("scheduleStart").GetDateTimeOffset();
        Assert.Equal((int)Math.Ceiling((session.StartedAt.AddSeconds(120) - scheduleStart).TotalSeconds), periods[1].Start);
        var unknown = await api.CommandAsync(id, "get-composite-schedule", """{"connectorId":7,"duration":300}""");
        Assert.Equal("Rejected", unknown.GetProperty("status").GetString());

        await station.UnplugAsync(1);
        await station.WaitUntilAsync(s => s.ChargingProfiles.Profiles.All(p => p.Purpose != ProfilePurpose.Tx), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.SettleAsync();
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_remote_start_with_a_charging_profile_charges_at_its_limit(OcppVersion version)
    {
        var id = $"sim-sc-remote-{version}";
        await Server.IdTagAsync("SC-REMOTE-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));

        var schedule = """{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":10}]}""";
        var profile = version == OcppVersion.V16
            ? $$"""{"chargingProfileId":21,"stackLevel":1,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":{{schedule}}}"""
            : $$"""{"id":21,"stackLevel":1,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":[{{schedule.Replace("{\"chargingRateUnit\"", "{\"id\":1,\"chargingRateUnit\"")}}]}""";
        var started = await api.CommandAsync(id, "remote-start", $$"""{"connectorId":1,"idTag":"SC-REMOTE-{{version}}","chargingProfile":{{profile}}}""");
        Assert.Equal("Accepted", started.GetProperty("status").GetString());

        await station.WaitForPowerAsync(1, 10 * 230 * 3);
        var installed = Assert.Single(station.ChargingProfiles.Profiles);
        Assert.Equal((21, ProfilePurpose.Tx, station.Connector(1).Session!.LocalId), (installed.Id, installed.Purpose, installed.TransactionId));
        await api.WaitForStoredPowerAsync(id, 10 * 230 * 3);

        if (version == OcppVersion.V201)
        {
            // 2.0.1 K09: the profiles are reported after the answer, with the requestId.
            var asked = await api.CommandAsync(id, "ocpp/GetChargingProfiles", """{"requestId":77,"chargingProfile":{"chargingProfilePurpose":"TxProfile"}}""");
            Assert.Equal("Accepted", asked.GetProperty("status").GetString());
            await station.WaitUntilAsync(s => s.Sent("ReportChargingProfiles").Count == 1, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            var report = station.Sent("ReportChargingProfiles")[0];
            Assert.Equal(77, report.GetProperty("requestId").GetInt32());
            Assert.Equal(1, report.GetProperty("evseId").GetInt32());
            Assert.False(report.TryGetProperty("tbc", out _));
            var reported = Assert.Single(report.GetProperty("chargingProfile").EnumerateArray());
            Assert.Equal(station.Connector(1).Session!.LocalId, reported.GetProperty("transactionId").GetString());
            var none = await api.CommandAsync(id, "ocpp/GetChargingProfiles", """{"requestId":78,"chargingProfile":{"chargingProfilePurpose":"ChargingStationMaxProfile"}}""");
            Assert.Equal("NoProfiles", none.GetProperty("status").GetString());
        }

        await station.UnplugAsync(1);
        await station.WaitUntilAsync(s => s.ChargingProfiles.Profiles.Count == 0, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.SettleAsync();
        await station.AssertSentFramesValidAsync();
    }
}
