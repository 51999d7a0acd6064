using System.Net.WebSockets;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Transport;

namespace Iskra.Server.Tests.Security;

/// <summary>
/// A PATCH that changes a station's password or security profile closes its live connection: that connection
/// proved the old credentials only, so the station must log in again with the new ones. Other edits leave it open.
/// </summary>
public sealed class CredentialChangeTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_password_closes_the_live_connection_and_only_the_new_one_admits_it_again(string provider)
    {
        var server = On(provider);
        var id = "cred-pw-" + provider;
        await server.StationAsync(id);
        await using var station = await TestStation.ConnectAsync(server, id, OcppVersion.V16, Seed.Password);
        await station.CallAsync("Heartbeat", "{}");

        await PatchAsync(server, id, """{"password":"the-new-password-42"}""");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await station.Socket.ReceiveCloseAsync());
        Assert.Equal("credentials changed", station.Socket.CloseStatusDescription);
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestStation.ConnectAsync(server, id, OcppVersion.V16, Seed.Password));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        await using var again = await TestStation.ConnectAsync(server, id, OcppVersion.V16, "the-new-password-42");
        await again.CallAsync("Heartbeat", "{}");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_security_profile_closes_the_live_connection(string provider)
    {
        var server = On(provider);
        var id = "cred-sp-" + provider;
        await server.StationAsync(id);
        await using var station = await TestStation.ConnectAsync(server, id, OcppVersion.V16, Seed.Password);
        await station.CallAsync("Heartbeat", "{}");

        await PatchAsync(server, id, """{"securityProfile":0}""");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await station.Socket.ReceiveCloseAsync());
        Assert.Equal("credentials changed", station.Socket.CloseStatusDescription);
        await using var again = await TestStation.ConnectAsync(server, id, OcppVersion.V16); // profile 0: no password
        await again.CallAsync("Heartbeat", "{}");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_description_leaves_the_live_connection_open(string provider)
    {
        var server = On(provider);
        var id = "cred-desc-" + provider;
        await server.StationAsync(id);
        await using var station = await TestStation.ConnectAsync(server, id, OcppVersion.V16, Seed.Password);
        await station.CallAsync("Heartbeat", "{}");

        await PatchAsync(server, id, """{"description":"Bay 4, north wall","registrationStatus":"Accepted"}""");

        await station.CallAsync("Heartbeat", "{}"); // still answered on the same connection
        Assert.Equal(WebSocketState.Open, station.Socket.State);
    }

    private static async Task PatchAsync(IskraServer server, string id, string json)
    {
        using var api = server.Api();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await (await api.PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), content, Ct)).JsonAsync(200);
    }
}
