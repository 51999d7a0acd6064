using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary><c>/api/id-tags</c>: the authorization list an operator keeps, and what stations are told from it.</summary>
public abstract class IdTagsApiTests(SharedServer shared)
{
    private IskraServer Server => shared.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_id_tag_is_created_read_replaced_and_deleted_and_stations_see_each_state()
    {
        using var op = await Server.ApiAsync(ApiRole.Operator);
        var tag = Pages.NewId("TAG");
        var created = await (await op.PostJsonAsync("/api/id-tags", $$"""{"idTag":"{{tag}}","status":"Accepted","expiryDate":"2030-01-01T00:00:00+02:00","parentIdTag":"FLEET-1"}""")).JsonAsync(201);
        Assert.Equal((tag, "Accepted", "FLEET-1"), (created.GetProperty("idTag").GetString(), created.GetProperty("status").GetString(), created.GetProperty("parentIdTag").GetString()));
        Assert.Equal(new DateTimeOffset(2029, 12, 31, 22, 0, 0, TimeSpan.Zero), created.GetProperty("expiryDate").GetDateTimeOffset());

        await using var station = await RespondingStation.StartAsync(Server, Pages.NewId("auth"), OcppVersion.V16);
        var accepted = await station.CallAsync("Authorize", $$"""{"idTag":"{{tag}}"}""");
        Assert.Equal(("Accepted", "FLEET-1"), (accepted.GetProperty("idTagInfo").GetProperty("status").GetString(), accepted.GetProperty("idTagInfo").GetProperty("parentIdTag").GetString()));

        var blocked = await (await op.PutAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), StationsApiTests.Json("""{"status":"Blocked"}"""), Ct)).JsonAsync(200);
        Assert.Equal(("Blocked", System.Text.Json.JsonValueKind.Null), (blocked.GetProperty("status").GetString(), blocked.GetProperty("parentIdTag").ValueKind));
        Assert.Equal("Blocked", (await (await Server.Api().GetPathAsync($"/api/id-tags/{tag}")).JsonAsync(200)).GetProperty("status").GetString());
        Assert.Equal("Blocked", (await station.CallAsync("Authorize", $$"""{"idTag":"{{tag}}"}""")).GetProperty("idTagInfo").GetProperty("status").GetString());

        await (await op.DeleteAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), Ct)).JsonAsync(204);
        await (await Server.Api().GetPathAsync($"/api/id-tags/{tag}")).ProblemAsync(404);
        Assert.Equal("Invalid", (await station.CallAsync("Authorize", $$"""{"idTag":"{{tag}}"}""")).GetProperty("idTagInfo").GetProperty("status").GetString());
        await (await op.DeleteAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), Ct)).ProblemAsync(404);
        await (await op.PutAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), StationsApiTests.Json("""{"status":"Accepted"}"""), Ct)).ProblemAsync(404);
    }

    [Theory]
    [InlineData("""{"status":"Accepted"}""", "idTag is required")]
    [InlineData("""{"idTag":""}""", "1 to 36")]
    [InlineData("""{"idTag":"0123456789012345678901234567890123456"}""", "1 to 36")]
    [InlineData("""{"idTag":12345}""", "must be a string")]
    [InlineData("""{"idTag":"OK-1","status":"Unknown"}""", "status must be one of")]
    [InlineData("""{"idTag":"OK-1","status":"ConcurrentTx"}""", "status must be one of")]
    [InlineData("""{"idTag":"OK-1","expiryDate":"tomorrow"}""", "expiryDate")]
    [InlineData("""{"idTag":"OK-1","expiryDate":20300101}""", "expiryDate must be a string")]
    [InlineData("""{"idTag":"OK-1","type":"Barcode"}""", "IdTokenEnumType")]
    [InlineData("""{"idTag":"OK-1","owner":"me"}""", "Unknown field")]
    [InlineData("""["OK-1"]""", "JSON object")]
    [InlineData("""{"idTag":""", "not valid JSON")]
    public async Task Bad_id_tags_get_400_problems_that_say_why(string body, string says)
    {
        var problem = await (await Server.Api().PostJsonAsync("/api/id-tags", body)).ProblemAsync(400);
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await Server.Api().GetPathAsync("/api/id-tags/OK-1")).ProblemAsync(404);
    }

    [Fact]
    public async Task A_duplicate_is_409_a_renaming_put_is_400_and_a_36_character_tag_is_kept_whole()
    {
        var tag = Pages.NewId("DUP") + new string('x', 36 - 16);
        Assert.Equal(36, tag.Length);
        await (await Server.Api().PostJsonAsync("/api/id-tags", $$"""{"idTag":"{{tag}}","type":"ISO14443"}""")).JsonAsync(201);
        await (await Server.Api().PostJsonAsync("/api/id-tags", $$"""{"idTag":"{{tag}}","status":"Blocked"}""")).ProblemAsync(409);
        await (await Server.Api().PutAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), StationsApiTests.Json("""{"idTag":"OTHER"}"""), Ct)).ProblemAsync(400);
        var kept = await (await Server.Api().GetPathAsync($"/api/id-tags/{tag}")).JsonAsync(200);
        Assert.Equal((tag, "Accepted", "ISO14443"), (kept.GetProperty("idTag").GetString(), kept.GetProperty("status").GetString(), kept.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_viewer_reads_id_tags_but_cannot_write_them()
    {
        var tag = Pages.NewId("VIEW");
        await Server.IdTagAsync(tag);
        using var viewer = await Server.ApiAsync(ApiRole.Viewer);
        await (await viewer.GetPathAsync($"/api/id-tags/{tag}")).JsonAsync(200);
        await (await viewer.PostJsonAsync("/api/id-tags", """{"idTag":"BY-VIEWER"}""")).ProblemAsync(403);
        await (await viewer.PutAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), StationsApiTests.Json("""{"status":"Blocked"}"""), Ct)).ProblemAsync(403);
        await (await viewer.DeleteAsync(new Uri($"/api/id-tags/{tag}", UriKind.Relative), Ct)).ProblemAsync(403);
        Assert.Equal("Accepted", (await (await viewer.GetPathAsync($"/api/id-tags/{tag}")).JsonAsync(200)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Walking_the_pages_sees_every_id_tag_once()
    {
        var prefix = Pages.NewId("PG");
        var tags = Enumerable.Range(0, 11).Select(i => $"{prefix}-{i:00}").ToList();
        foreach (var tag in tags)
        {
            await Server.IdTagAsync(tag);
        }

        var all = (await Server.Api().WalkAsync("/api/id-tags", 4)).Select(t => t.GetProperty("idTag").GetString()!).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(tags, all.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToList());
        await (await Server.Api().GetPathAsync("/api/id-tags?cursor=***")).ProblemAsync(400);
    }
}

/// <summary><see cref="IdTagsApiTests"/> on SQLite.</summary>
public sealed class IdTagsApiOnSqliteTests(SharedSqliteServer shared) : IdTagsApiTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary><see cref="IdTagsApiTests"/> on PostgreSQL.</summary>
public sealed class IdTagsApiOnPostgresTests(SharedPostgresServer shared) : IdTagsApiTests(shared), IClassFixture<SharedPostgresServer>;
