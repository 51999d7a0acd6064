using System.Net;
using System.Net.WebSockets;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Security;

/// <summary>
/// Rotating a station's password over OCPP (2.0.1 A01; 1.6 security whitepaper A01): Iskra learns the new
/// password, accepts the old one until the first login with the new one, and never keeps the value.
/// </summary>
public sealed class PasswordRotationTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_rotated_password_is_shown_once_and_admits_the_station_after_the_old_one(string provider)
    {
        var server = On(provider);
        var id = "rot16-" + provider;
        string? sent = null;
        await using (var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16))
        {
            station.Answer("ChangeConfiguration", r =>
            {
                sent = r.GetProperty("value").GetString();
                return """{"status":"Accepted"}""";
            });
            using var admin = server.Api();
            var response = await admin.PostAsync(new Uri($"/api/stations/{id}/password/rotate", UriKind.Relative), null, Ct);
            var body = await response.JsonAsync(200);

            Assert.Equal("AuthorizationKey", station.Last("ChangeConfiguration").Payload.GetProperty("key").GetString());
            Assert.Equal(sent, body.GetProperty("password").GetString());
            Assert.Matches("^[0-9A-F]{40}$", sent); // 1.6 security whitepaper §7.2: 20 random bytes, hexadecimal
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        // The old password still admits (the station may not have switched yet); the first login with the new one ends it.
        await (await RespondingStation.ConnectAsync(server, id, OcppVersion.V16)).DisposeAsync();
        await (await RespondingStation.ConnectAsync(server, id, OcppVersion.V16, sent)).DisposeAsync();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => RespondingStation.ConnectAsync(server, id, OcppVersion.V16));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_password_change_needs_an_admin_key_and_a_rejected_one_changes_nothing(string provider)
    {
        var server = On(provider);
        var id = "rot201-" + provider;
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("SetVariables", r =>
        {
            var data = r.GetProperty("setVariableData")[0];
            return $$"""{"setVariableResult":[{"attributeStatus":"Rejected","component":{{data.GetProperty("component").GetRawText()}},"variable":{{data.GetProperty("variable").GetRawText()}}}]}""";
        });
        using var operatorKey = await server.ApiAsync(ApiRole.Operator);

        var forbidden = await operatorKey.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", """{"key":"SecurityCtrlr.BasicAuthPassword","value":"operator-chosen-password-1"}""");
        await forbidden.ProblemAsync(403);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorKey.PostAsync(new Uri($"/api/stations/{id}/password/rotate", UriKind.Relative), null, Ct)).StatusCode);
        using var admin = server.Api();
        var rejected = await (await admin.PostAsync(new Uri($"/api/stations/{id}/password/rotate", UriKind.Relative), null, Ct)).JsonAsync(200);

        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.False(rejected.TryGetProperty("password", out _));
        Assert.Equal("BasicAuthPassword", station.Last("SetVariables").Payload.GetProperty("setVariableData")[0].GetProperty("variable").GetProperty("name").GetString());
        await using var db = server.CreateDbContext();
        Assert.Null(db.Stations.Single(s => s.Id == id).PendingPasswordHash); // A01.FR.04: the old credentials stay
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_password_set_by_change_configuration_is_a_rotation_too(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"rotcc{(version == OcppVersion.V16 ? "16" : "201")}-{provider}";
        const string chosen = "Chosen-by-operator:2026";
        await using (var station = await RespondingStation.StartAsync(server, id, version))
        {
            station.Answer("ChangeConfiguration", """{"status":"Accepted"}""");
            station.Answer("SetVariables", r =>
            {
                var data = r.GetProperty("setVariableData")[0];
                return $$"""{"setVariableResult":[{"attributeStatus":"Accepted","component":{{data.GetProperty("component").GetRawText()}},"variable":{{data.GetProperty("variable").GetRawText()}}}]}""";
            });
            var key = version == OcppVersion.V16 ? "AuthorizationKey" : "SecurityCtrlr.BasicAuthPassword";
            using var admin = server.Api();
            var answer = await (await admin.PostJsonAsync($"/api/stations/{id}/commands/change-configuration", $$"""{"key":"{{key}}","value":"{{chosen}}"}""")).JsonAsync(200);

            Assert.DoesNotContain(chosen, answer.GetRawText(), StringComparison.Ordinal);
            Assert.Single(station.Received, c => c.Action is "ChangeConfiguration" or "SetVariables");
        }

        // Until the first login with the new password the old one admits; from then on only the new one.
        await (await RespondingStation.ConnectAsync(server, id, version)).DisposeAsync();
        await (await RespondingStation.ConnectAsync(server, id, version, chosen)).DisposeAsync();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => RespondingStation.ConnectAsync(server, id, version));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        await (await RespondingStation.ConnectAsync(server, id, version, chosen)).DisposeAsync();
    }
}
