using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Resources;

/// <summary>
/// The audit log records administration, beside commands: who created, changed or removed which API key,
/// station, station password, webhook or id tag, when, and the names of the fields that changed, never a secret.
/// </summary>
public abstract class AdminAuditTests(SharedServer shared)
{
    private IskraServer Server => shared.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_and_revoking_an_API_key_is_audited_with_the_admin_who_did_it()
    {
        using var admin = await Server.ApiAsync(ApiRole.Admin);
        var created = await (await admin.PostJsonAsync("/api/api-keys", """{"name":"dashboard","role":"viewer"}""")).JsonAsync(201);
        var keyId = created.GetProperty("id").GetString()!;
        await (await admin.DeleteAsync(new Uri($"/api/api-keys/{keyId}", UriKind.Relative), Ct)).JsonAsync(204);

        var entries = await Server.Api().ItemsAsync($"/api/audit?target={keyId}");
        Assert.Equal([AdminActions.ApiKeyRevoked, AdminActions.ApiKeyCreated], entries.Select(e => e.GetProperty("command").GetString()));
        AssertAdmin(entries[1], "test-Admin (", keyId, null, ["name", "role"]);
        AssertAdmin(entries[0], "test-Admin (", keyId, null, ["revokedAt"]);
        Assert.Contains(await Server.Api().ItemsAsync("/api/audit?kind=admin&command=apikey.created&limit=500"), e => e.GetProperty("target").GetString() == keyId);
    }

    [Fact]
    public async Task Registering_changing_and_deleting_a_station_is_audited_with_the_changed_field_names()
    {
        var id = Pages.NewId("adm");
        using var admin = await Server.ApiAsync(ApiRole.Admin);
        await (await admin.PostJsonAsync("/api/stations", $$"""{"id":"{{id}}","description":"bay 1"}""")).JsonAsync(201);
        await (await admin.PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), StationsApiTests.Json("""{"description":"bay 2","password":"generate"}"""), Ct)).JsonAsync(200);
        await (await admin.PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), StationsApiTests.Json("""{"description":"bay 2"}"""), Ct)).JsonAsync(200); // no change: no entry
        await (await admin.PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), StationsApiTests.Json("""{"securityProfile":0,"registrationStatus":"Rejected"}"""), Ct)).JsonAsync(200);
        await (await admin.DeleteAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Ct)).JsonAsync(204);

        var entries = await Server.Api().ItemsAsync($"/api/audit?stationId={id}");
        Assert.Equal(
            [AdminActions.StationDeleted, AdminActions.StationUpdated, AdminActions.StationUpdated, AdminActions.StationCreated],
            entries.Select(e => e.GetProperty("command").GetString()));
        AssertAdmin(entries[3], "test-Admin (", id, id, ["description", "securityProfile", "password"]);
        AssertAdmin(entries[2], "test-Admin (", id, id, ["description", "password"]);
        AssertAdmin(entries[1], "test-Admin (", id, id, ["securityProfile", "password", "registrationStatus"]);
        AssertAdmin(entries[0], "test-Admin (", id, id, []);
        Assert.Empty(await Server.Api().ItemsAsync($"/api/audit?stationId={id}&kind=command"));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task A_password_rotation_the_station_accepts_is_audited_and_one_it_rejects_is_not(OcppVersion version)
    {
        var id = Pages.NewId("rot");
        await using var station = await RespondingStation.StartAsync(Server, id, version);
        var accept = false;
        string Status() => accept ? "Accepted" : "Rejected";
        station.Answer("ChangeConfiguration", _ => $$"""{"status":"{{Status()}}"}""")
            .Answer("SetVariables", _ => $$$"""{"setVariableResult":[{"attributeStatus":"{{{Status()}}}","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}""");
        using var admin = await Server.ApiAsync(ApiRole.Admin);
        await (await admin.PostAsync(new Uri($"/api/stations/{id}/password/rotate", UriKind.Relative), null, Ct)).JsonAsync(200);
        Assert.Empty(await Server.Api().ItemsAsync($"/api/audit?stationId={id}&kind=admin"));

        accept = true;
        var rotated = await (await admin.PostAsync(new Uri($"/api/stations/{id}/password/rotate", UriKind.Relative), null, Ct)).JsonAsync(200);
        Assert.Equal(JsonValueKind.String, rotated.GetProperty("password").ValueKind);

        var entry = Assert.Single(await Server.Api().ItemsAsync($"/api/audit?stationId={id}&kind=admin"));
        Assert.Equal(AdminActions.StationPasswordRotated, entry.GetProperty("command").GetString());
        AssertAdmin(entry, "test-Admin (", id, id, ["password"]);
        Assert.Equal(2, (await Server.Api().ItemsAsync($"/api/audit?stationId={id}&kind=command")).Length); // the change-configuration commands themselves
    }

    [Fact]
    public async Task Creating_and_deleting_a_webhook_is_audited_by_field_names()
    {
        using var admin = await Server.ApiAsync(ApiRole.Admin);
        var hook = await (await admin.PostJsonAsync("/api/webhooks", """
            {"url":"http://127.0.0.1:9/never-called","events":["station.deleted"],"stationId":"no-such-station","secret":"whsec-0123456789abcdef"}
            """)).JsonAsync(201);
        var hookId = hook.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await (await admin.DeleteAsync(new Uri($"/api/webhooks/{hookId}", UriKind.Relative), Ct)).JsonAsync(204);

        var entries = await Server.Api().ItemsAsync($"/api/audit?target={hookId}&kind=admin");
        Assert.Equal([AdminActions.WebhookDeleted, AdminActions.WebhookCreated], entries.Select(e => e.GetProperty("command").GetString()));
        AssertAdmin(entries[1], "test-Admin (", hookId, null, ["url", "events", "stationId", "secret"]);
        AssertAdmin(entries[0], "test-Admin (", hookId, null, []);
    }

    [Fact]
    public async Task Id_tag_administration_is_audited_with_the_operator_who_did_it()
    {
        var tag = Pages.NewId("TAG");
        using var op = await Server.ApiAsync(ApiRole.Operator);
        await (await op.PostJsonAsync("/api/id-tags", $$"""{"idTag":"{{tag}}","parentIdTag":"FLEET-1"}""")).JsonAsync(201);
        await (await op.PutAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), StationsApiTests.Json("""{"status":"Blocked","parentIdTag":"FLEET-1"}"""), Ct)).JsonAsync(200);
        await (await op.PutAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), StationsApiTests.Json("""{"status":"Blocked","parentIdTag":"FLEET-1"}"""), Ct)).JsonAsync(200); // no change: no entry
        await (await op.DeleteAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), Ct)).JsonAsync(204);

        var entries = await Server.Api().ItemsAsync($"/api/audit?target={tag}");
        Assert.Equal([AdminActions.IdTagDeleted, AdminActions.IdTagUpdated, AdminActions.IdTagCreated], entries.Select(e => e.GetProperty("command").GetString()));
        AssertAdmin(entries[2], "test-Operator (", tag, null, ["parentIdTag", "status"]);
        AssertAdmin(entries[1], "test-Operator (", tag, null, ["status"]);
        AssertAdmin(entries[0], "test-Operator (", tag, null, []);
    }

    [Fact]
    public async Task No_secret_of_administration_reaches_the_audit_log_or_its_table()
    {
        using var admin = await Server.ApiAsync(ApiRole.Admin);
        var secrets = new List<string>();
        var key = await (await admin.PostJsonAsync("/api/api-keys", """{"name":"guarded","role":"operator"}""")).JsonAsync(201);
        secrets.Add(key.GetProperty("key").GetString()!);
        const string HookSecret = "whsec-Leak0123456789GUARD";
        const string UrlToken = "urltokenLeak0123456789";
        await (await admin.PostJsonAsync("/api/webhooks", $$"""
            {"url":"http://127.0.0.1:9/hook?token={{UrlToken}}","events":["station.deleted"],"stationId":"no-such-station","secret":"{{HookSecret}}"}
            """)).JsonAsync(201);
        secrets.AddRange([HookSecret, UrlToken]);

        var id = Pages.NewId("guard");
        const string Given = "GivenLeak0123456789guard";
        const string Patched = "PatchedLeak0123456789guard";
        await (await admin.PostJsonAsync("/api/stations", $$"""{"id":"{{id}}","password":"{{Given}}"}""")).JsonAsync(201);
        await (await admin.PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), StationsApiTests.Json($$"""{"password":"{{Patched}}"}"""), Ct)).JsonAsync(200);
        secrets.AddRange([Given, Patched]);
        await using (var station = await RespondingStation.ConnectAsync(Server, id, OcppVersion.V16, Patched))
        {
            station.Answer("ChangeConfiguration", """{"status":"Accepted"}""");
            var rotated = await (await admin.PostAsync(new Uri($"/api/stations/{id}/password/rotate", UriKind.Relative), null, Ct)).JsonAsync(200);
            secrets.Add(rotated.GetProperty("password").GetString()!);
        }

        await using var db = Server.CreateDbContext();
        var stored = await db.Stations.AsNoTracking().SingleAsync(s => s.Id == id, Ct);
        secrets.AddRange([stored.PasswordHash!, stored.PendingPasswordHash!]);
        secrets.Add((await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == key.GetProperty("id").GetString(), Ct)).Hash);

        Assert.NotEmpty(await Server.Api().ItemsAsync($"/api/audit?stationId={id}&command={AdminActions.StationPasswordRotated}"));
        var answered = (await (await Server.Api().GetPathAsync("/api/audit?limit=500")).JsonAsync(200)).GetRawText();
        var rows = (await DatabaseText.AllAsync(Server)).Where(v => v.Table == "audit").Select(v => v.Value).ToList();
        Assert.NotEmpty(rows);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, answered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(rows, v => v.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static void AssertAdmin(JsonElement entry, string actorStart, string target, string? stationId, string[] fields)
    {
        Assert.StartsWith(actorStart, entry.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.Equal(target, entry.GetProperty("target").GetString());
        Assert.Equal(stationId, entry.GetProperty("stationId").GetString());
        Assert.Equal(fields, entry.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!));
        Assert.Equal(AdminAudit.Done, entry.GetProperty("outcome").GetString());
        Assert.True(entry.GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("request").ValueKind);
    }
}

/// <summary><see cref="AdminAuditTests"/> on SQLite.</summary>
public sealed class AdminAuditOnSqliteTests(SharedSqliteServer shared) : AdminAuditTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary><see cref="AdminAuditTests"/> on PostgreSQL.</summary>
public sealed class AdminAuditOnPostgresTests(SharedPostgresServer shared) : AdminAuditTests(shared), IClassFixture<SharedPostgresServer>;
