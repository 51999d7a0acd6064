using System.Text.Json;
using Iskra.Csms.Authorization;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Commands;

/// <summary>reserve-now and cancel-reservation on both versions, the stored reservations on both databases, and 2.0.1 ReservationStatusUpdate.</summary>
public sealed class ReservationsCommandTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Reserve_now_is_translated_gets_a_new_id_each_time_and_is_stored_with_the_answer(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"res-new-{version}";
        var tag = $"RES-{version}";
        await server.SeedAsync(db => db.IdTags.Add(new IdTag { Value = tag, Type = "ISO14443", CreatedAt = DateTimeOffset.UtcNow }));
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("ReserveNow", """{"status":"Accepted"}""");

        var body = $$"""{"connectorId":1,"expiryDate":"2030-01-01T10:00:00+02:00","idTag":"{{tag}}","parentIdTag":"GROUP-1"}""";
        var reply = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", body)).JsonAsync(200);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        var sent = station.Last("ReserveNow").Payload;
        int first;
        if (version == OcppVersion.V16)
        {
            first = sent.GetProperty("reservationId").GetInt32();
            Assert.Equal(1, sent.GetProperty("connectorId").GetInt32());
            Assert.Equal(tag, sent.GetProperty("idTag").GetString());
            Assert.Equal("GROUP-1", sent.GetProperty("parentIdTag").GetString());
            Assert.Equal("2030-01-01T08:00:00.000Z", sent.GetProperty("expiryDate").GetString());
        }
        else
        {
            first = sent.GetProperty("id").GetInt32();
            Assert.Equal(1, sent.GetProperty("evseId").GetInt32());
            Assert.Equal(tag, sent.GetProperty("idToken").GetProperty("idToken").GetString());
            Assert.Equal("ISO14443", sent.GetProperty("idToken").GetProperty("type").GetString()); // the type stored with the tag
            Assert.Equal("GROUP-1", sent.GetProperty("groupIdToken").GetProperty("idToken").GetString());
            Assert.Equal("2030-01-01T08:00:00.000Z", sent.GetProperty("expiryDateTime").GetString());
        }

        Assert.True(first > 0);
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", body)).JsonAsync(200);
        var second = station.Last("ReserveNow").Payload.GetProperty(version == OcppVersion.V16 ? "reservationId" : "id").GetInt32();
        Assert.True(second > first, $"a second allocated id ({second}) is above the first ({first})");

        var stored = await ReservationsAsync(server, id);
        Assert.Equal([second, first], stored.Select(r => r.GetProperty("reservationId").GetInt32()));
        Assert.All(stored, r =>
        {
            Assert.Equal("Accepted", r.GetProperty("status").GetString());
            Assert.Equal(1, r.GetProperty("connectorId").GetInt32());
            Assert.Equal(tag, r.GetProperty("idTag").GetString());
            Assert.Equal("GROUP-1", r.GetProperty("parentIdTag").GetString());
            Assert.Equal(new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero), r.GetProperty("expiryDate").GetDateTimeOffset());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("cancelledAt").ValueKind);
            Assert.True(r.GetProperty("active").GetBoolean());
        });

        // Pages of one, newest first, then the next by its cursor.
        var page1 = await (await server.Api().GetAsync($"/api/stations/{id}/reservations?limit=1", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(second, Assert.Single(page1.GetProperty("items").EnumerateArray()).GetProperty("reservationId").GetInt32());
        var page2 = await (await server.Api().GetAsync($"/api/stations/{id}/reservations?limit=1&cursor={page1.GetProperty("next").GetString()}", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(first, Assert.Single(page2.GetProperty("items").EnumerateArray()).GetProperty("reservationId").GetInt32());
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("next").ValueKind);
        await (await server.Api().GetAsync($"/api/stations/{id}/reservations?cursor=%25%25", TestContext.Current.CancellationToken)).ProblemAsync(400);
        await (await server.Api().GetAsync($"/api/stations/{id}/reservations?limit=0", TestContext.Current.CancellationToken)).ProblemAsync(400);
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_refused_reservation_is_kept_as_an_attempt_and_never_replaces_an_accepted_one(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"res-refused-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("ReserveNow", """{"status":"Accepted"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", """{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z","idTag":"FIRST","reservationId":500}""")).JsonAsync(200);

        station.Answer("ReserveNow", """{"status":"Occupied"}""");
        var occupied = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", """{"connectorId":2,"expiryDate":"2030-01-01T10:00:00Z","idTag":"SECOND","reservationId":500}""")).JsonAsync(200);
        Assert.Equal("Occupied", occupied.GetProperty("status").GetString());
        station.Answer("ReserveNow", """{"status":"Rejected"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", """{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z","idTag":"THIRD","reservationId":501}""")).JsonAsync(200);

        var stored = (await ReservationsAsync(server, id)).ToDictionary(r => r.GetProperty("reservationId").GetInt32());
        Assert.Equal(2, stored.Count);
        Assert.Equal("Accepted", stored[500].GetProperty("status").GetString());
        Assert.Equal("FIRST", stored[500].GetProperty("idTag").GetString());
        Assert.Equal(1, stored[500].GetProperty("connectorId").GetInt32());
        Assert.Equal("Rejected", stored[501].GetProperty("status").GetString());
        Assert.True(stored[500].GetProperty("active").GetBoolean());
        Assert.False(stored[501].GetProperty("active").GetBoolean());

        // An id the operator chose is never handed out again.
        station.Answer("ReserveNow", """{"status":"Accepted"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", """{"connectorId":1,"expiryDate":"2020-01-01T10:00:00Z","idTag":"PAST","reservationId":502}""")).JsonAsync(200);
        Assert.False((await ReservationsAsync(server, id)).Single(r => r.GetProperty("reservationId").GetInt32() == 502).GetProperty("active").GetBoolean(), "past its expiry");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", """{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z","idTag":"FOURTH"}""")).JsonAsync(200);
        Assert.True(station.Last("ReserveNow").Payload.GetProperty(version == OcppVersion.V16 ? "reservationId" : "id").GetInt32() > 502);
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Cancel_reservation_marks_it_cancelled_only_when_the_station_accepts(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"res-cancel-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("ReserveNow", """{"status":"Accepted"}""").Answer("CancelReservation", """{"status":"Rejected"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", """{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z","idTag":"CANCEL-ME","reservationId":600}""")).JsonAsync(200);

        var rejected = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/cancel-reservation", """{"reservationId":600}""")).JsonAsync(200);
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        var still = Assert.Single(await ReservationsAsync(server, id));
        Assert.Equal("Accepted", still.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, still.GetProperty("cancelledAt").ValueKind);

        station.Answer("CancelReservation", """{"status":"Accepted"}""");
        var accepted = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/cancel-reservation", """{"reservationId":600}""")).JsonAsync(200);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("""{"reservationId":600}""", station.Last("CancelReservation").Payload.GetRawText());
        var cancelled = Assert.Single(await ReservationsAsync(server, id));
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, cancelled.GetProperty("cancelledAt").ValueKind);
        Assert.False(cancelled.GetProperty("active").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_2_0_1_ReservationStatusUpdate_ends_the_reservation_and_is_kept_as_a_notice(string provider)
    {
        var server = On(provider);
        const string id = "res-update-201";
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("ReserveNow", """{"status":"Accepted"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", """{"expiryDate":"2030-01-01T10:00:00Z","idTag":"EXPIRING","reservationId":700}""")).JsonAsync(200);
        Assert.False(station.Last("ReserveNow").Payload.TryGetProperty("evseId", out _), "no connectorId: any EVSE");

        var answer = await station.CallAsync("ReservationStatusUpdate", """{"reservationId":700,"reservationUpdateStatus":"Expired"}""");
        Assert.Equal("{}", answer.GetRawText());
        await station.CallAsync("ReservationStatusUpdate", """{"reservationId":799,"reservationUpdateStatus":"Removed"}""");

        var ended = Assert.Single(await ReservationsAsync(server, id));
        Assert.Equal("Expired", ended.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("connectorId").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, ended.GetProperty("endedAt").ValueKind);
        await using var db = server.CreateDbContext();
        var notices = await db.Notices.Where(n => n.StationId == id && n.Action == "ReservationStatusUpdate").OrderBy(n => n.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["700 Expired", "799 Removed"], notices.Select(n => $"{n.RequestId} {n.Status}"));
    }

    [Fact]
    public async Task A_1_6_transaction_that_names_the_reservation_shows_it_used()
    {
        var server = On("sqlite");
        const string id = "res-used-16";
        await server.IdTagAsync("USED-TAG");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("ReserveNow", """{"status":"Accepted"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", """{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z","idTag":"USED-TAG","reservationId":800}""")).JsonAsync(200);

        var started = await station.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"USED-TAG","meterStart":0,"timestamp":"2026-11-26T10:00:00.000Z","reservationId":800}""");

        var used = Assert.Single(await ReservationsAsync(server, id));
        Assert.Equal(started.GetProperty("transactionId").GetInt32(), used.GetProperty("transactionId").GetInt32()); // SPEC §2.2: the 1.6 integer
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), used.GetProperty("usedAt").GetDateTimeOffset());
        Assert.False(used.GetProperty("active").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Bad_bodies_get_400_naming_the_field_and_nothing_is_sent(OcppVersion version)
    {
        var server = On("sqlite");
        var id = $"res-bad-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("ReserveNow", """{"status":"Accepted"}""").Answer("CancelReservation", """{"status":"Accepted"}""");
        var longTag = new string('T', 40);
        var cases = new List<(string Command, string Body, string Path)>
        {
            ("reserve-now", """{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z"}""", "$.idTag"),
            ("reserve-now", """{"connectorId":1,"idTag":"A"}""", "$.expiryDate"),
            ("reserve-now", """{"connectorId":1,"expiryDate":"tomorrow","idTag":"A"}""", "$.expiryDate"),
            ("reserve-now", """{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z","idTag":"A","reservationId":"one"}""", "$.reservationId"),
            ("reserve-now", """{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z","idTag":"A","idTagType":"Card"}""", "$.idTagType"),
            // Longer than the version's idTag / idToken limit (20 / 36): the translated payload violates the schema.
            ("reserve-now", $$"""{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z","idTag":"{{longTag}}"}""", version == OcppVersion.V16 ? "$.idTag" : "$.idToken.idToken"),
            ("cancel-reservation", "{}", "$.reservationId"),
            ("cancel-reservation", """{"reservationId":1.5}""", "$.reservationId"),
        };
        if (version == OcppVersion.V16)
        {
            cases.Add(("reserve-now", """{"expiryDate":"2030-01-01T10:00:00Z","idTag":"A"}""", "$.connectorId"));
        }

        foreach (var (command, body, path) in cases)
        {
            var problem = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/{command}", body)).ProblemAsync(400);
            Assert.Equal(path, problem.GetProperty("violations")[0].GetProperty("path").GetString());
        }

        Assert.Empty(station.Received);
        Assert.Empty(await ReservationsAsync(server, id));
        await (await server.Api().GetAsync("/api/stations/nobody-here/reservations", TestContext.Current.CancellationToken)).ProblemAsync(404);
    }

    private static async Task<JsonElement[]> ReservationsAsync(IskraServer server, string id)
    {
        var page = await (await server.Api().GetAsync($"/api/stations/{id}/reservations", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
