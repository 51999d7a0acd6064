using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary><c>/api/stations</c>: registration, the live view, edits, deletion, roles and paging.</summary>
public abstract class StationsApiTests(SharedServer shared)
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_station_registered_through_the_API_connects_with_the_password_it_was_given_once()
    {
        var id = Pages.NewId("reg");
        var created = await (await Server.Api().PostJsonAsync("/api/stations", $$"""{"id":"{{id}}","description":"Car park 2"}""")).JsonAsync(201);
        var password = created.GetProperty("password").GetString()!;
        Assert.InRange(password.Length, 16, 40);
        Assert.Equal((1, "Accepted", false, "Car park 2"), (created.GetProperty("securityProfile").GetInt32(), created.GetProperty("registrationStatus").GetString(), created.GetProperty("connected").GetBoolean(), created.GetProperty("description").GetString()));

        await using var station = await RespondingStation.ConnectAsync(Server, id, OcppVersion.V16, password);
        await station.BootAsync();
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");

        var view = await (await Server.Api().GetPathAsync($"/api/stations/{id}")).JsonAsync(200);
        Assert.False(view.TryGetProperty("password", out _));
        Assert.Equal((true, "1.6", "Iskra", "Responder"), (view.GetProperty("connected").GetBoolean(), view.GetProperty("ocppVersion").GetString(), view.GetProperty("vendor").GetString(), view.GetProperty("model").GetString()));
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("lastSeen").ValueKind);
        var connector = Assert.Single(view.GetProperty("connectors").EnumerateArray());
        Assert.Equal((1, 1, "Available", "NoError"), (connector.GetProperty("connectorId").GetInt32(), connector.GetProperty("evseId").GetInt32(), connector.GetProperty("status").GetString(), connector.GetProperty("errorCode").GetString()));

        var connected = await Server.Api().WalkAsync("/api/stations?connected=true", 500);
        Assert.Contains(connected, s => s.GetProperty("id").GetString() == id);
        Assert.All(connected, s => Assert.True(s.GetProperty("connected").GetBoolean()));
        Assert.DoesNotContain(await Server.Api().WalkAsync("/api/stations?connected=false", 500), s => s.GetProperty("id").GetString() == id);

        // The password was shown once; a wrong one is refused at the handshake.
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => RespondingStation.ConnectAsync(Server, id, OcppVersion.V16, "not-the-password-at-all"));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chosen_password_and_profile_0_are_taken_and_not_echoed()
    {
        var id = Pages.NewId("pw");
        var chosen = await (await Server.Api().PostJsonAsync("/api/stations", $$"""{"id":"{{id}}","securityProfile":2,"password":"{{Seed.Password}}"}""")).JsonAsync(201);
        Assert.False(chosen.TryGetProperty("password", out _));
        Assert.Equal(2, chosen.GetProperty("securityProfile").GetInt32());
        Assert.Equal($"/api/stations/{id}-0", (await Server.Api().PostJsonAsync("/api/stations", $$"""{"id":"{{id}}-0","securityProfile":0}""")).Headers.Location?.ToString());

        await using var open = await TestStation.ConnectAsync(Server, id + "-0", OcppVersion.V201);
        Assert.Equal("Accepted", (await open.CallAsync("BootNotification", """{"chargingStation":{"vendorName":"V","model":"M"},"reason":"PowerUp"}""")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("[1,2", "not valid JSON")]
    [InlineData("[]", "JSON object")]
    [InlineData("""{"description":"no id"}""", "id is required")]
    [InlineData("""{"id":42}""", "id must be a string")]
    [InlineData("""{"id":"has space"}""", "id must be")]
    [InlineData("""{"id":"..."}""", "id must be")]
    [InlineData("""{"id":"ok-1","securityProfile":4}""", "securityProfile")]
    [InlineData("""{"id":"ok-2","securityProfile":"1"}""", "securityProfile")]
    [InlineData("""{"id":"ok-3","password":"short-one"}""", "16 to 40")]
    [InlineData("""{"id":"ok-4","password":"has spaces but is long enough"}""", "16 to 40")]
    [InlineData("""{"id":"ok-5","securityProfile":0,"password":"correct-horse-battery-1"}""", "takes no password")]
    [InlineData("""{"id":"ok-6","securityProfile":3,"password":"correct-horse-battery-1"}""", "takes no password")]
    [InlineData("""{"id":"a:b"}""", "profile 0 or 3")]
    [InlineData("""{"id":"ok-7","colour":"red"}""", "Unknown field")]
    public async Task Bad_registrations_get_400_problems_that_say_why(string body, string says)
    {
        var problem = await (await Server.Api().PostJsonAsync("/api/stations", body)).ProblemAsync(400);
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Api().GetPathAsync("/api/stations/ok-1")).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_registration_is_409_and_an_unknown_station_404()
    {
        var id = Pages.NewId("dup");
        await (await Server.Api().PostJsonAsync("/api/stations", $$"""{"id":"{{id}}"}""")).JsonAsync(201);
        await (await Server.Api().PostJsonAsync("/api/stations", $$"""{"id":"{{id}}","securityProfile":0}""")).ProblemAsync(409);
        await (await Server.Api().GetPathAsync("/api/stations/nobody-here")).ProblemAsync(404);
        await (await Server.Api().PatchAsync(new Uri("/api/stations/nobody-here", UriKind.Relative), Json("""{"description":"x"}"""), TestContext.Current.CancellationToken)).ProblemAsync(404);
        await (await Server.Api().DeleteAsync(new Uri("/api/stations/nobody-here", UriKind.Relative), TestContext.Current.CancellationToken)).ProblemAsync(404);
    }

    [Fact]
    public async Task A_viewer_reads_stations_and_only_an_admin_registers_edits_and_deletes()
    {
        var id = Pages.NewId("roles");
        await Server.StationAsync(id);
        var ct = TestContext.Current.CancellationToken;
        foreach (var role in new[] { ApiRole.Viewer, ApiRole.Operator })
        {
            using var client = await Server.ApiAsync(role);
            await (await client.GetPathAsync($"/api/stations/{id}")).JsonAsync(200);
            await (await client.GetPathAsync("/api/stations")).JsonAsync(200);
            await (await client.PostJsonAsync("/api/stations", """{"id":"by-non-admin"}""")).ProblemAsync(403);
            await (await client.PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Json("""{"description":"x"}"""), ct)).ProblemAsync(403);
            await (await client.DeleteAsync(new Uri($"/api/stations/{id}", UriKind.Relative), ct)).ProblemAsync(403);
        }

        await (await Server.Api(null).GetPathAsync("/api/stations")).ProblemAsync(401);
        var unchanged = await (await Server.Api().GetPathAsync($"/api/stations/{id}")).JsonAsync(200);
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("description").ValueKind);
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_given_and_a_generated_password_replaces_the_old_one()
    {
        var id = Pages.NewId("patch");
        await Server.StationAsync(id);
        var ct = TestContext.Current.CancellationToken;
        var described = await (await Server.Api().PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Json("""{"description":"Hall A"}"""), ct)).JsonAsync(200);
        Assert.Equal(("Hall A", 1, "Accepted"), (described.GetProperty("description").GetString(), described.GetProperty("securityProfile").GetInt32(), described.GetProperty("registrationStatus").GetString()));
        Assert.False(described.TryGetProperty("password", out _));

        var regenerated = await (await Server.Api().PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Json("""{"password":"generate"}"""), ct)).JsonAsync(200);
        var password = regenerated.GetProperty("password").GetString()!;
        await Assert.ThrowsAsync<WebSocketException>(() => RespondingStation.ConnectAsync(Server, id, OcppVersion.V16, Seed.Password));
        await using (var station = await RespondingStation.ConnectAsync(Server, id, OcppVersion.V16, password))
        {
            await station.BootAsync();
        }

        var rejected = await (await Server.Api().PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Json("""{"registrationStatus":"Rejected"}"""), ct)).JsonAsync(200);
        Assert.Equal(("Rejected", "Hall A"), (rejected.GetProperty("registrationStatus").GetString(), rejected.GetProperty("description").GetString()));

        foreach (var bad in new[] { """{"registrationStatus":"Maybe"}""", """{"registrationStatus":"accepted"}""", """{"securityProfile":9}""", """{"password":null}""", """{"password":"tiny"}""", """{"securityProfile":0,"password":"correct-horse-battery-1"}""", "{nope" })
        {
            await (await Server.Api().PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Json(bad), ct)).ProblemAsync(400);
        }

        var toProfile0 = await (await Server.Api().PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Json("""{"securityProfile":0,"description":null}"""), ct)).JsonAsync(200);
        Assert.Equal((0, JsonValueKind.Null), (toProfile0.GetProperty("securityProfile").GetInt32(), toProfile0.GetProperty("description").ValueKind));
        var backTo1 = await (await Server.Api().PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Json("""{"securityProfile":1}"""), ct)).JsonAsync(200);
        Assert.InRange(backTo1.GetProperty("password").GetString()!.Length, 16, 40); // a profile 1 station needs one: generated
    }

    [Fact]
    public async Task Deleting_a_station_closes_its_connection_and_keeps_its_transactions()
    {
        var id = Pages.NewId("del");
        await Server.StationAsync(id);
        var tag = Pages.NewId("T");
        await Server.IdTagAsync(tag);
        await using var station = await TestStation.ConnectAsync(Server, id, OcppVersion.V16, Seed.Password);
        await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"{{tag}}","meterStart":0,"timestamp":"2026-11-23T10:00:00Z"}""");

        await (await Server.Api().DeleteAsync(new Uri($"/api/stations/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(204);

        var buffer = new byte[1024];
        var closing = await station.Socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
        Assert.Equal(WebSocketMessageType.Close, closing.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, station.Socket.CloseStatus);
        await (await Server.Api().GetPathAsync($"/api/stations/{id}")).ProblemAsync(404);
        var kept = Assert.Single(await Server.Api().ItemsAsync($"/api/transactions?stationId={id}"));
        Assert.Equal(tag, kept.GetProperty("idTag").GetString());
        await (await Server.Api().DeleteAsync(new Uri($"/api/stations/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).ProblemAsync(404);
    }

    [Fact]
    public async Task Walking_the_pages_sees_every_station_once_in_id_order()
    {
        var prefix = Pages.NewId("page");
        var ids = Enumerable.Range(0, 7).Select(i => $"{prefix}-{i}").ToList();
        foreach (var id in ids)
        {
            await Server.StationAsync(id);
        }

        var all = (await Server.Api().WalkAsync("/api/stations", 3)).Select(s => s.GetProperty("id").GetString()!).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(ids, all.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).ToList());
        Assert.Equal(all.Count, (await Server.Api().ItemsAsync("/api/stations?limit=500")).Length);

        foreach (var bad in new[] { "?cursor=%21%21%21", "?limit=0", "?limit=501", "?limit=abc", "?connected=maybe" })
        {
            await (await Server.Api().GetPathAsync("/api/stations" + bad)).ProblemAsync(400);
        }
    }

    internal static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");
}

/// <summary><see cref="StationsApiTests"/> on SQLite.</summary>
public sealed class StationsApiOnSqliteTests(SharedSqliteServer shared) : StationsApiTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary><see cref="StationsApiTests"/> on PostgreSQL.</summary>
public sealed class StationsApiOnPostgresTests(SharedPostgresServer shared) : StationsApiTests(shared), IClassFixture<SharedPostgresServer>;
