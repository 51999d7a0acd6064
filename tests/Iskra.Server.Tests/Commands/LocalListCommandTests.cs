using System.Text.Json;
using Iskra.Csms.Authorization;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Commands;

/// <summary>send-local-list and get-local-list-version on both versions, with the stored list on both databases.</summary>
public sealed class LocalListCommandTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_full_then_a_differential_list_are_translated_and_stored_with_their_version_only_when_accepted(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"ll-send-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("SendLocalList", """{"status":"Accepted"}""");

        var full = await SendAsync(server, id, """
            {"listVersion":3,"updateType":"Full","localAuthorizationList":[
              {"idTag":"LL-A","idTagInfo":{"status":"Accepted","expiryDate":"2030-01-01T10:00:00Z","parentIdTag":"LL-G"}},
              {"idTag":"LL-B","idTagInfo":{"status":"Blocked"}}]}
            """);

        Assert.Equal("Accepted", full.GetProperty("status").GetString());
        var sent = station.Last("SendLocalList").Payload;
        Assert.Equal("Full", sent.GetProperty("updateType").GetString());
        var first = sent.GetProperty("localAuthorizationList")[0];
        if (version == OcppVersion.V16)
        {
            Assert.Equal(3, sent.GetProperty("listVersion").GetInt32());
            Assert.Equal("LL-A", first.GetProperty("idTag").GetString());
            Assert.Equal("2030-01-01T10:00:00.000Z", first.GetProperty("idTagInfo").GetProperty("expiryDate").GetString());
            Assert.Equal("LL-G", first.GetProperty("idTagInfo").GetProperty("parentIdTag").GetString());
        }
        else
        {
            Assert.Equal(3, sent.GetProperty("versionNumber").GetInt32());
            Assert.Equal("LL-A", first.GetProperty("idToken").GetProperty("idToken").GetString());
            Assert.Equal("Central", first.GetProperty("idToken").GetProperty("type").GetString());
            Assert.Equal("Accepted", first.GetProperty("idTokenInfo").GetProperty("status").GetString());
            Assert.Equal("2030-01-01T10:00:00.000Z", first.GetProperty("idTokenInfo").GetProperty("cacheExpiryDateTime").GetString());
            Assert.Equal("LL-G", first.GetProperty("idTokenInfo").GetProperty("groupIdToken").GetProperty("idToken").GetString());
        }

        var stored = await ListAsync(server, id);
        Assert.Equal(3, stored.GetProperty("listVersion").GetInt32());
        Assert.Equal("LL-A Accepted,LL-B Blocked", Entries(stored));

        // 1.6 §7.1: in a Differential update an entry without idTagInfo is deleted, one with it added or updated.
        await SendAsync(server, id, """{"listVersion":4,"updateType":"Differential","localAuthorizationList":[{"idTag":"LL-B"},{"idTag":"LL-C","idTagInfo":{"status":"Accepted"}}]}""");
        var removal = station.Last("SendLocalList").Payload.GetProperty("localAuthorizationList")[0];
        Assert.False(removal.TryGetProperty(version == OcppVersion.V16 ? "idTagInfo" : "idTokenInfo", out _));
        stored = await ListAsync(server, id);
        Assert.Equal(4, stored.GetProperty("listVersion").GetInt32());
        Assert.Equal("LL-A Accepted,LL-C Accepted", Entries(stored));

        station.Answer("SendLocalList", """{"status":"VersionMismatch"}""");
        var mismatch = await SendAsync(server, id, """{"listVersion":2,"updateType":"Differential","localAuthorizationList":[{"idTag":"LL-A"}]}""");
        Assert.Equal("VersionMismatch", mismatch.GetProperty("status").GetString());
        station.Answer("SendLocalList", """{"status":"Failed"}""");
        await SendAsync(server, id, """{"listVersion":9,"updateType":"Full"}""");
        stored = await ListAsync(server, id);
        Assert.Equal(4, stored.GetProperty("listVersion").GetInt32());
        Assert.Equal("LL-A Accepted,LL-C Accepted", Entries(stored));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task From_id_tags_sends_Iskra_id_tags_as_a_full_list(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"ll-tags-{version}";
        await server.SeedAsync(db =>
        {
            db.IdTags.Add(new IdTag { Value = $"T-OK-{version}", Type = "ISO14443", CreatedAt = DateTimeOffset.UtcNow });
            db.IdTags.Add(new IdTag { Value = $"T-BLK-{version}", Status = IdTagStatus.Blocked, ParentIdTag = "T-GRP", CreatedAt = DateTimeOffset.UtcNow });
        });
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("SendLocalList", """{"status":"Accepted"}""");

        await SendAsync(server, id, """{"listVersion":1,"fromIdTags":true}""");

        var sent = station.Last("SendLocalList").Payload;
        Assert.Equal("Full", sent.GetProperty("updateType").GetString());
        var items = sent.GetProperty("localAuthorizationList").EnumerateArray().ToList();
        await using (var db = server.CreateDbContext())
        {
            Assert.Equal(db.IdTags.Count(), items.Count);
        }

        var tag = version == OcppVersion.V16 ? "idTag" : "idToken";
        var info = version == OcppVersion.V16 ? "idTagInfo" : "idTokenInfo";
        string Value(JsonElement e) => version == OcppVersion.V16 ? e.GetProperty(tag).GetString()! : e.GetProperty(tag).GetProperty("idToken").GetString()!;
        var ok = items.Single(e => Value(e) == $"T-OK-{version}");
        var blocked = items.Single(e => Value(e) == $"T-BLK-{version}");
        Assert.Equal("Accepted", ok.GetProperty(info).GetProperty("status").GetString());
        Assert.Equal("Blocked", blocked.GetProperty(info).GetProperty("status").GetString());
        if (version == OcppVersion.V201)
        {
            Assert.Equal("ISO14443", ok.GetProperty("idToken").GetProperty("type").GetString());
            Assert.Equal("T-GRP", blocked.GetProperty(info).GetProperty("groupIdToken").GetProperty("idToken").GetString());
        }
        else
        {
            Assert.Equal("T-GRP", blocked.GetProperty(info).GetProperty("parentIdTag").GetString());
        }

        var stored = await ListAsync(server, id);
        Assert.Equal(1, stored.GetProperty("listVersion").GetInt32());
        Assert.Equal(items.Count, stored.GetProperty("entries").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task An_empty_full_list_is_sent_without_the_list_and_empties_the_stored_one(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"ll-empty-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("SendLocalList", """{"status":"Accepted"}""");
        await SendAsync(server, id, """{"listVersion":1,"updateType":"Full","localAuthorizationList":[{"idTag":"GONE","idTagInfo":{"status":"Accepted"}}]}""");

        await SendAsync(server, id, """{"listVersion":2,"updateType":"Full","localAuthorizationList":[]}""");

        // 2.0.1 allows no empty localAuthorizationList (minItems 1); 1.6 §6.41: no list and Full clears it.
        Assert.False(station.Last("SendLocalList").Payload.TryGetProperty("localAuthorizationList", out _));
        var stored = await ListAsync(server, id);
        Assert.Equal(2, stored.GetProperty("listVersion").GetInt32());
        Assert.Equal(0, stored.GetProperty("entries").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Get_local_list_version_answers_Accepted_and_stores_the_reported_version(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"ll-version-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        var before = await ListAsync(server, id);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("reportedVersion").ValueKind);
        station.Answer("GetLocalListVersion", version == OcppVersion.V16 ? """{"listVersion":9}""" : """{"versionNumber":9}""");

        var reply = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-local-list-version", "{}")).JsonAsync(200);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        Assert.Equal(9, reply.GetProperty("response").GetProperty(version == OcppVersion.V16 ? "listVersion" : "versionNumber").GetInt32());
        Assert.Equal("{}", station.Last("GetLocalListVersion").Payload.GetRawText());
        var stored = await ListAsync(server, id);
        Assert.Equal(9, stored.GetProperty("reportedVersion").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, stored.GetProperty("reportedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("listVersion").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Bad_bodies_get_400_naming_the_field_and_nothing_is_sent(OcppVersion version)
    {
        var server = On("sqlite");
        var id = $"ll-bad-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("SendLocalList", """{"status":"Accepted"}""");
        var cases = new (string Body, string Path)[]
        {
            ("""{"updateType":"Full"}""", "$.listVersion"),
            ("""{"listVersion":1}""", "$.updateType"),
            ("""{"listVersion":1,"updateType":"Partial"}""", "$.updateType"),
            ("""{"listVersion":1,"updateType":"Full","localAuthorizationList":{"idTag":"A"}}""", "$.localAuthorizationList"),
            ("""{"listVersion":1,"updateType":"Full","localAuthorizationList":["A"]}""", "$.localAuthorizationList[0]"),
            ("""{"listVersion":1,"updateType":"Full","localAuthorizationList":[{"idTagInfo":{"status":"Accepted"}}]}""", "$.localAuthorizationList[0].idTag"),
            ("""{"listVersion":1,"updateType":"Full","localAuthorizationList":[{"idTag":"A"}]}""", "$.localAuthorizationList[0].idTagInfo"),
            ("""{"listVersion":1,"updateType":"Differential","localAuthorizationList":[{"idTag":"A"},{"idTag":"A"}]}""", "$.localAuthorizationList[1].idTag"),
            ("""{"listVersion":1,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted","expiryDate":"soon"}}]}""", "$.localAuthorizationList[0].idTagInfo.expiryDate"),
            ("""{"listVersion":1,"fromIdTags":"yes"}""", "$.fromIdTags"),
            ("""{"listVersion":1,"fromIdTags":true,"updateType":"Differential"}""", "$.updateType"),
            ("""{"listVersion":1,"fromIdTags":true,"localAuthorizationList":[]}""", "$.localAuthorizationList"),
            // Not an AuthorizationStatus: the translated payload violates the version's schema.
            ("""{"listVersion":1,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Great"}}]}""",
                version == OcppVersion.V16 ? "$.localAuthorizationList[0].idTagInfo.status" : "$.localAuthorizationList[0].idTokenInfo.status"),
        };
        foreach (var (body, path) in cases)
        {
            var problem = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/send-local-list", body)).ProblemAsync(400);
            Assert.Equal(path, problem.GetProperty("violations")[0].GetProperty("path").GetString());
        }

        Assert.Empty(station.Received);
        Assert.Equal(JsonValueKind.Null, (await ListAsync(server, id)).GetProperty("listVersion").ValueKind);
        await (await server.Api().GetAsync("/api/stations/nobody-here/local-list", TestContext.Current.CancellationToken)).ProblemAsync(404);
    }

    private static async Task<JsonElement> SendAsync(IskraServer server, string id, string body) =>
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/send-local-list", body)).JsonAsync(200);

    private static async Task<JsonElement> ListAsync(IskraServer server, string id) =>
        await (await server.Api().GetAsync($"/api/stations/{id}/local-list", TestContext.Current.CancellationToken)).JsonAsync(200);

    /// <summary>The stored entries as "idTag status,..." in order of idTag.</summary>
    private static string Entries(JsonElement list) =>
        string.Join(',', list.GetProperty("entries").EnumerateArray()
            .Select(e => $"{e.GetProperty("idTag").GetString()} {e.GetProperty("idTagInfo").GetProperty("status").GetString()}")
            .Order(StringComparer.Ordinal));
}
