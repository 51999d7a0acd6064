using System.Net.WebSockets;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator.Configuration;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>The 1.6 security whitepaper settings of a simulated station: AuthorizationKey (A01), SecurityProfile (A05), a refused root (M05).</summary>
public sealed class SecuritySettingsTests(MaintenanceServer shared) : IClassFixture<MaintenanceServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_new_authorization_key_makes_the_station_reconnect_with_it_and_the_old_password_stops_working()
    {
        var id = "sim-sec-password";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V16);
        using var admin = Server.Api();

        var rotated = await (await admin.PostAsync(new Uri($"/api/stations/{id}/password/rotate", UriKind.Relative), null, TestContext.Current.CancellationToken)).JsonAsync(200);

        Assert.Equal("Accepted", rotated.GetProperty("status").GetString());
        await station.WaitUntilAsync(s => s.Connections >= 2 && s.IsOnline, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(station.Configuration.All, k => k.Name == "AuthorizationKey"); // write-only: never reported
        Assert.Contains("401", await OldPasswordRefusedAsync(id), StringComparison.Ordinal); // the station logged in with the new one
    }

    /// <summary>Iskra promotes the new password in a write batch after the login: tries the old one until it is refused.</summary>
    private async Task<string> OldPasswordRefusedAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                await (await RespondingStation.ConnectAsync(Server, id, OcppVersion.V16)).DisposeAsync();
            }
            catch (WebSocketException refused)
            {
                return refused.Message;
            }

            Assert.True(DateTime.UtcNow < deadline, "the old password still admits the station");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task SecurityProfile_is_never_lowered_nor_kept_and_raised_beyond_what_the_station_connects_with()
    {
        var id = "sim-sec-profile";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V16);
        using var api = Server.Api();

        Assert.Equal("1", station.Configuration.Get("SecurityProfile")); // ws:// with Basic auth
        foreach (var value in new[] { "0", "1", "2" })
        {
            var answer = await api.CommandAsync(id, "change-configuration", $$"""{"key":"SecurityProfile","value":"{{value}}"}""");
            Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        }

        Assert.Equal("1", station.Configuration.Get("SecurityProfile"));
    }

    [Fact]
    public async Task A_refused_central_system_root_is_reported_as_an_invalid_central_system_certificate()
    {
        var id = "sim-sec-invalid-root";
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V16);
        using var api = Server.Api();

        var answer = await api.RawAsync(id, "InstallCertificate", """{"certificateType":"CentralSystemRootCertificate","certificate":"-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----"}""");

        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        await station.WaitUntilAsync(s => s.Sent("SecurityEventNotification").Count > 0, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal("InvalidCentralSystemCertificate", station.Sent("SecurityEventNotification")[0].GetProperty("type").GetString());
        await station.AssertSentFramesValidAsync();
    }
}
