using System.Text;
using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Server.Tests.Commands;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Billing;

/// <summary><c>/api/tariffs</c>: versions, assignment, deletion, roles and the bad-input table.</summary>
public sealed class TariffsApiTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    private static string Body(string id, decimal energy, string extra = "") => $$"""
        {"id":"{{id}}","name":"Test","currency":"EUR","vatPercent":19,"timeZone":"Europe/Berlin","minPrice":1.5,
         "elements":[
           {"priceComponents":[{"type":"ENERGY","price":{{energy.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"stepSize":100}],
            "restrictions":{"startTime":"08:00","endTime":"20:00","dayOfWeek":["MONDAY","TUESDAY"]} },
           {"priceComponents":[{"type":"ENERGY","price":0.25},{"type":"PARKING_TIME","price":2.0,"stepSize":900},{"type":"FLAT","price":0.5}] }
         ],
         "assignment":{"stations":["ta-never-*"]}{{extra}} }
        """;

    [Fact]
    public async Task A_tariff_is_created_as_version_1_and_read_back_as_it_was_given()
    {
        using var api = Server.Api();

        var created = await (await api.PostJsonAsync("/api/tariffs", Body("TA-READ", 0.40m))).JsonAsync(201);
        var read = await (await api.GetAsync("/api/tariffs/TA-READ", TestContext.Current.CancellationToken)).JsonAsync(200);

        Assert.Equal(1, created.GetProperty("version").GetInt32());
        JsonAssert.Equal(WithoutTimes(created), JsonDocument.Parse(WithoutTimes(read)).RootElement); // times are stored to the database's precision
        var first = read.GetProperty("elements")[0];
        Assert.Equal(0.40m, first.GetProperty("priceComponents")[0].GetProperty("price").GetDecimal());
        Assert.Equal(100, first.GetProperty("priceComponents")[0].GetProperty("stepSize").GetInt32());
        Assert.Equal("08:00", first.GetProperty("restrictions").GetProperty("startTime").GetString());
        Assert.Equal("""["MONDAY","TUESDAY"]""", first.GetProperty("restrictions").GetProperty("dayOfWeek").GetRawText());
        Assert.Equal("PARKING_TIME", read.GetProperty("elements")[1].GetProperty("priceComponents")[1].GetProperty("type").GetString());
        Assert.Equal("Europe/Berlin", read.GetProperty("timeZone").GetString());
        Assert.Equal("""["ta-never-*"]""", read.GetProperty("assignment").GetProperty("stations").GetRawText());
    }

    [Fact]
    public async Task A_changed_definition_is_the_next_version_and_the_old_one_stays_readable()
    {
        using var api = Server.Api();
        await (await api.PostJsonAsync("/api/tariffs", Body("TA-VER", 0.40m))).JsonAsync(201);

        var same = await (await api.PutAsync("/api/tariffs/TA-VER", Json(Body("TA-VER", 0.40m)), TestContext.Current.CancellationToken)).JsonAsync(200);
        var changed = await (await api.PutAsync("/api/tariffs/TA-VER", Json(Body("TA-VER", 0.45m)), TestContext.Current.CancellationToken)).JsonAsync(200);
        var v1 = await (await api.GetAsync("/api/tariffs/TA-VER/versions/1", TestContext.Current.CancellationToken)).JsonAsync(200);

        Assert.Equal(1, same.GetProperty("version").GetInt32()); // nothing priced changed
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        Assert.Equal(0.40m, v1.GetProperty("elements")[0].GetProperty("priceComponents")[0].GetProperty("price").GetDecimal());
        Assert.Equal(0.45m, changed.GetProperty("elements")[0].GetProperty("priceComponents")[0].GetProperty("price").GetDecimal());
        await using var db = Server.CreateDbContext();
        var audit = await db.Audit.Where(a => a.Target == "TA-VER").OrderBy(a => a.Id).Select(a => a.Command).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([AdminActions.TariffCreated, AdminActions.TariffUpdated], audit);
    }

    [Fact]
    public async Task A_deleted_tariff_is_gone_for_new_sessions_but_its_versions_remain_and_its_id_stays_taken()
    {
        using var api = Server.Api();
        await (await api.PostJsonAsync("/api/tariffs", Body("TA-DEL", 0.40m))).JsonAsync(201);

        var deleted = await api.DeleteAsync("/api/tariffs/TA-DEL", TestContext.Current.CancellationToken);

        Assert.Equal(204, (int)deleted.StatusCode);
        await (await api.GetAsync("/api/tariffs/TA-DEL", TestContext.Current.CancellationToken)).ProblemAsync(404);
        await (await api.GetAsync("/api/tariffs/TA-DEL/versions/1", TestContext.Current.CancellationToken)).JsonAsync(200);
        await (await api.PostJsonAsync("/api/tariffs", Body("TA-DEL", 0.40m))).ProblemAsync(409);
        await (await api.DeleteAsync("/api/tariffs/TA-DEL", TestContext.Current.CancellationToken)).ProblemAsync(404);
        var list = await (await api.GetAsync("/api/tariffs?limit=500", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == "TA-DEL");
    }

    [Fact]
    public async Task A_viewer_reads_tariffs_and_cannot_change_them()
    {
        using var admin = Server.Api();
        await (await admin.PostJsonAsync("/api/tariffs", Body("TA-ROLE", 0.40m))).JsonAsync(201);
        using var viewer = await Server.ApiAsync(ApiRole.Viewer);
        using var operatorKey = await Server.ApiAsync(ApiRole.Operator);

        await (await viewer.GetAsync("/api/tariffs/TA-ROLE", TestContext.Current.CancellationToken)).JsonAsync(200);
        await (await viewer.PostJsonAsync("/api/tariffs", Body("TA-ROLE-2", 0.40m))).ProblemAsync(403);
        await (await operatorKey.PutAsync("/api/tariffs/TA-ROLE", Json(Body("TA-ROLE", 0.1m)), TestContext.Current.CancellationToken)).ProblemAsync(403);
        await (await operatorKey.DeleteAsync("/api/tariffs/TA-ROLE", TestContext.Current.CancellationToken)).ProblemAsync(403);
        var kept = await (await admin.GetAsync("/api/tariffs/TA-ROLE", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{"id":"TA-B1","currency":"EUR","elements":[{"priceComponents":[{"type":"ENERGY","prise":0.3}]}]}""", "elements[0].priceComponents[0]: Unknown field 'prise'")]
    [InlineData("""{"id":"TA-B2","currency":"eur","elements":[{"priceComponents":[{"type":"ENERGY","price":0.3}]}]}""", "currency must be an ISO 4217 code")]
    [InlineData("""{"id":"TA-B3","currency":"EUR","timeZone":"Mars/Olympus","elements":[{"priceComponents":[{"type":"ENERGY","price":0.3}]}]}""", "timeZone 'Mars/Olympus'")]
    [InlineData("""{"id":"TA-B4","currency":"EUR","minPrice":5,"maxPrice":2,"elements":[{"priceComponents":[{"type":"ENERGY","price":0.3}]}]}""", "minPrice must not be above maxPrice")]
    [InlineData("""{"id":"TA-B5","currency":"EUR","elements":[{"priceComponents":[{"type":"KWH","price":0.3}]}]}""", "elements[0].priceComponents[0].type must be one of")]
    [InlineData("""{"id":"TA-B6","currency":"EUR","elements":[{"priceComponents":[{"type":"ENERGY","price":-0.3}]}]}""", "elements[0].priceComponents[0].price must be a number from 0")]
    [InlineData("""{"id":"TA-B7","currency":"EUR","elements":[]}""", "elements must hold at least one element")]
    [InlineData("""{"id":"TA-B8","currency":"EUR","elements":[{"priceComponents":[{"type":"ENERGY","price":0.3}],"restrictions":{"startTime":"8:00"}}]}""", "elements[0].restrictions.startTime must be a local time HH:MM")]
    [InlineData("""{"id":"TA-B9","currency":"EUR","elements":[{"priceComponents":[{"type":"ENERGY","price":0.3}],"restrictions":{"dayOfWeek":["FUNDAY"]}}]}""", "dayOfWeek must hold day names")]
    [InlineData("""{"id":"TA B10","currency":"EUR","elements":[{"priceComponents":[{"type":"ENERGY","price":0.3}]}]}""", "id must be 1 to 36 of")]
    [InlineData("""{"id":"TA-B11","currency":"EUR","elements":[{"priceComponents":[{"type":"ENERGY","price":0.3}]}],"assignment":{"stations":["A*B"]}}""", "may hold '*' only at its end")]
    [InlineData("""{"currency":"EUR","elements":[{"priceComponents":[{"type":"ENERGY","price":0.3}]}]}""", "id is required")]
    [InlineData("""[1,2]""", "must be a JSON object")]
    public async Task A_bad_tariff_is_refused_with_a_problem_that_names_the_field_and_nothing_is_stored(string body, string detail)
    {
        using var api = Server.Api();

        var problem = await (await api.PostJsonAsync("/api/tariffs", body)).ProblemAsync(400);

        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = Server.CreateDbContext();
        var id = body.Contains("\"id\"", StringComparison.Ordinal) ? body.Split('"')[3] : "none";
        Assert.False(await db.Tariffs.AnyAsync(t => t.Id == id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_bad_replacement_leaves_the_stored_version_as_it_was()
    {
        using var api = Server.Api();
        await (await api.PostJsonAsync("/api/tariffs", Body("TA-KEEP", 0.40m))).JsonAsync(201);

        await (await api.PutAsync("/api/tariffs/TA-KEEP", Json(Body("TA-KEEP", 0.40m, ""","vatPercent2":5""")), TestContext.Current.CancellationToken)).ProblemAsync(400);
        await (await api.PutAsync("/api/tariffs/TA-KEEP", Json(Body("TA-OTHER", 0.50m)), TestContext.Current.CancellationToken)).ProblemAsync(400);

        var kept = await (await api.GetAsync("/api/tariffs/TA-KEEP", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
        Assert.Equal(0.40m, kept.GetProperty("elements")[0].GetProperty("priceComponents")[0].GetProperty("price").GetDecimal());
    }

    private static string WithoutTimes(JsonElement tariff)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(tariff.GetRawText())!.AsObject();
        node.Remove("createdAt");
        node.Remove("updatedAt");
        return node.ToJsonString();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
