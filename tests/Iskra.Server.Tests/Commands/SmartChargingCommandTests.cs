using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Commands;

/// <summary>set-charging-profile, clear-charging-profile and get-composite-schedule on both versions, with the stored profiles on both databases.</summary>
public sealed class SmartChargingCommandTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_profile_is_translated_to_the_station_version_stored_when_accepted_and_replaced_by_the_same_id(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"scp-store-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("SetChargingProfile", """{"status":"Accepted"}""");

        var reply = await SetAsync(server, id, 0, Profile(7, "ChargePointMaxProfile", 1));

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        Assert.Equal("Accepted", reply.GetProperty("response").GetProperty("status").GetString());
        var sent = station.Last("SetChargingProfile").Payload;
        JsonElement profile;
        if (version == OcppVersion.V16)
        {
            Assert.Equal(0, sent.GetProperty("connectorId").GetInt32());
            profile = sent.GetProperty("csChargingProfiles");
            Assert.Equal(7, profile.GetProperty("chargingProfileId").GetInt32());
            Assert.Equal("ChargePointMaxProfile", profile.GetProperty("chargingProfilePurpose").GetString());
        }
        else
        {
            Assert.Equal(0, sent.GetProperty("evseId").GetInt32());
            profile = sent.GetProperty("chargingProfile");
            Assert.Equal(7, profile.GetProperty("id").GetInt32());
            Assert.False(profile.TryGetProperty("chargingProfileId", out _));
            Assert.Equal("ChargingStationMaxProfile", profile.GetProperty("chargingProfilePurpose").GetString());
            var schedule = Assert.Single(profile.GetProperty("chargingSchedule").EnumerateArray());
            Assert.Equal(7, schedule.GetProperty("id").GetInt32());
            Assert.Equal(3600, schedule.GetProperty("duration").GetInt32());
            Assert.Equal("A", schedule.GetProperty("chargingRateUnit").GetString());
            Assert.Equal(16.5m, schedule.GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal());
            Assert.Equal(6.0m, schedule.GetProperty("minChargingRate").GetDecimal());
        }

        var stored = Assert.Single(await ProfilesAsync(server, id));
        Assert.Equal(7, stored.GetProperty("chargingProfileId").GetInt32());
        Assert.Equal(0, stored.GetProperty("connectorId").GetInt32());
        Assert.Equal(1, stored.GetProperty("stackLevel").GetInt32());
        Assert.Equal(version == OcppVersion.V16 ? "ChargePointMaxProfile" : "ChargingStationMaxProfile", stored.GetProperty("chargingProfilePurpose").GetString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(profile.GetRawText()), JsonNode.Parse(stored.GetProperty("profile").GetRawText())), "the stored profile is the one sent");

        // K01.FR.05 / 1.6 §5.16: a profile with the same id replaces the stored one, wherever it applies.
        await SetAsync(server, id, 1, Profile(7, "TxDefaultProfile", 3));
        var replaced = Assert.Single(await ProfilesAsync(server, id));
        Assert.Equal(3, replaced.GetProperty("stackLevel").GetInt32());
        Assert.Equal(1, replaced.GetProperty("connectorId").GetInt32());
        Assert.Equal("TxDefaultProfile", replaced.GetProperty("chargingProfilePurpose").GetString());
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Rejected_and_Unknown_answers_leave_the_stored_profiles_as_they_were(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"scp-refused-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("SetChargingProfile", """{"status":"Accepted"}""");
        await SetAsync(server, id, 1, Profile(1, "TxDefaultProfile", 0));

        station.Answer("SetChargingProfile", """{"status":"Rejected"}""");
        var rejected = await SetAsync(server, id, 1, Profile(2, "TxDefaultProfile", 1));
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("1", await IdsAsync(server, id));

        station.Answer("ClearChargingProfile", """{"status":"Unknown"}""");
        var unknown = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/clear-charging-profile", """{"id":1}""")).JsonAsync(200);
        Assert.Equal("Unknown", unknown.GetProperty("status").GetString());
        Assert.Single(await ProfilesAsync(server, id));

        station.Answer("ClearChargingProfile", """{"status":"Accepted"}""");
        var cleared = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/clear-charging-profile", """{"id":1}""")).JsonAsync(200);
        Assert.Equal("Accepted", cleared.GetProperty("status").GetString());
        var sent = station.Last("ClearChargingProfile").Payload;
        Assert.Equal(version == OcppVersion.V16 ? """{"id":1}""" : """{"chargingProfileId":1}""", sent.GetRawText());
        Assert.Empty(await ProfilesAsync(server, id));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Clearing_by_criteria_removes_only_the_matching_profiles(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"scp-criteria-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("SetChargingProfile", """{"status":"Accepted"}""").Answer("ClearChargingProfile", """{"status":"Accepted"}""");
        await SetAsync(server, id, 1, Profile(11, "TxDefaultProfile", 0));
        await SetAsync(server, id, 0, Profile(12, "ChargePointMaxProfile", 0));
        await SetAsync(server, id, 2, Profile(13, "TxDefaultProfile", 0));
        var page1 = await (await server.Api().GetAsync($"/api/stations/{id}/charging-profiles?limit=2", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        var page2 = await (await server.Api().GetAsync($"/api/stations/{id}/charging-profiles?limit=2&cursor={page1.GetProperty("next").GetString()}", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(13, Assert.Single(page2.GetProperty("items").EnumerateArray()).GetProperty("chargingProfileId").GetInt32());
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("next").ValueKind);

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/clear-charging-profile", """{"connectorId":1,"chargingProfilePurpose":"TxDefaultProfile"}""")).JsonAsync(200);
        var sent = station.Last("ClearChargingProfile").Payload;
        if (version == OcppVersion.V201)
        {
            Assert.Equal(1, sent.GetProperty("chargingProfileCriteria").GetProperty("evseId").GetInt32());
            Assert.Equal("TxDefaultProfile", sent.GetProperty("chargingProfileCriteria").GetProperty("chargingProfilePurpose").GetString());
        }
        else
        {
            Assert.Equal(1, sent.GetProperty("connectorId").GetInt32());
        }

        Assert.Equal("12,13", await IdsAsync(server, id));

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/clear-charging-profile", """{"chargingProfilePurpose":"ChargePointMaxProfile"}""")).JsonAsync(200);
        var purpose = version == OcppVersion.V16
            ? station.Last("ClearChargingProfile").Payload.GetProperty("chargingProfilePurpose").GetString()
            : station.Last("ClearChargingProfile").Payload.GetProperty("chargingProfileCriteria").GetProperty("chargingProfilePurpose").GetString();
        Assert.Equal(version == OcppVersion.V16 ? "ChargePointMaxProfile" : "ChargingStationMaxProfile", purpose);
        Assert.Equal("13", await IdsAsync(server, id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task On_1_6_a_profile_with_the_same_stack_level_and_purpose_on_the_connector_replaces_the_old_one(string provider)
    {
        var server = On(provider);
        const string id = "scp-stack-16";
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("SetChargingProfile", """{"status":"Accepted"}""");
        await SetAsync(server, id, 1, Profile(21, "TxDefaultProfile", 2));
        await SetAsync(server, id, 1, Profile(22, "TxDefaultProfile", 2));
        Assert.Equal("22", await IdsAsync(server, id));

        await SetAsync(server, id, 2, Profile(23, "TxDefaultProfile", 2));
        Assert.Equal("22,23", await IdsAsync(server, id));
    }

    [Fact]
    public async Task A_2_0_1_station_takes_a_ready_2_0_1_chargingProfile_as_it_is()
    {
        var server = On("sqlite");
        const string id = "scp-native-201";
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("SetChargingProfile", """{"status":"Accepted"}""");
        const string native = """{"id":31,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Relative","chargingSchedule":[{"id":5,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7400.25,"phaseToUse":1,"numberPhases":1}]}]}""";

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/set-charging-profile", $$"""{"connectorId":2,"chargingProfile":{{native}} }""")).JsonAsync(200);

        var sent = station.Last("SetChargingProfile").Payload;
        Assert.Equal(2, sent.GetProperty("evseId").GetInt32());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(native), JsonNode.Parse(sent.GetProperty("chargingProfile").GetRawText())));
        Assert.Equal("31", await IdsAsync(server, id));
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Bad_bodies_get_400_naming_the_field_and_nothing_is_sent(OcppVersion version)
    {
        var server = On("sqlite");
        var id = $"scp-bad-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("SetChargingProfile", """{"status":"Accepted"}""").Answer("GetCompositeSchedule", """{"status":"Accepted"}""");
        var noKind = Profile(41, "TxDefaultProfile", 0).Replace("\"chargingProfileKind\":\"Absolute\",", "", StringComparison.Ordinal);
        var cases = new (string Command, string Body, string Path)[]
        {
            ("set-charging-profile", """{"csChargingProfiles":{}}""", "$.connectorId"),
            ("set-charging-profile", """{"connectorId":1}""", "$.csChargingProfiles"),
            ("set-charging-profile", """{"connectorId":1,"csChargingProfiles":[1]}""", "$.csChargingProfiles"),
            ("set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{noKind}} }""", "$.csChargingProfiles.chargingProfileKind"),
            // 1.6 limits are multiples of 0.1 (the official 1.6 schema), on both versions since the body is 1.6.
            ("set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{Profile(42, "TxDefaultProfile", 0, "16.05")}} }""", "$.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit"),
            ("clear-charging-profile", """{"chargingProfilePurpose":"Everything"}""", "$.chargingProfilePurpose"),
            ("clear-charging-profile", """{"id":"7"}""", "$.id"),
            ("get-composite-schedule", """{"connectorId":1}""", "$.duration"),
            ("get-composite-schedule", """{"connectorId":1,"duration":60,"chargingRateUnit":"kW"}""", "$.chargingRateUnit"),
        };
        foreach (var (command, body, path) in cases)
        {
            var problem = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/{command}", body)).ProblemAsync(400);
            Assert.Equal(path, problem.GetProperty("violations")[0].GetProperty("path").GetString());
        }

        Assert.Empty(station.Received);
        Assert.Empty(await ProfilesAsync(server, id));
    }

    [Fact]
    public async Task A_translation_the_2_0_1_schema_refuses_is_a_400_while_1_6_sends_it()
    {
        var server = On("sqlite");
        var empty = Profile(51, "TxDefaultProfile", 0).Replace("[{\"startPeriod\":0,\"limit\":16.5,\"numberPhases\":3}]", "[]", StringComparison.Ordinal);
        await using var v201 = await RespondingStation.StartAsync(server, "scp-empty-201", OcppVersion.V201);
        v201.Answer("SetChargingProfile", """{"status":"Accepted"}""");
        var problem = await (await server.Api().PostJsonAsync("/api/stations/scp-empty-201/commands/set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{empty}} }""")).ProblemAsync(400);
        Assert.Equal("$.chargingProfile.chargingSchedule[0].chargingSchedulePeriod", problem.GetProperty("violations")[0].GetProperty("path").GetString());
        Assert.Empty(v201.Received);

        await using var v16 = await RespondingStation.StartAsync(server, "scp-empty-16", OcppVersion.V16);
        v16.Answer("SetChargingProfile", """{"status":"Rejected"}""");
        var reply = await (await server.Api().PostJsonAsync("/api/stations/scp-empty-16/commands/set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{empty}} }""")).JsonAsync(200);
        Assert.Equal("Rejected", reply.GetProperty("status").GetString());
        Assert.Equal(0, v16.Last("SetChargingProfile").Payload.GetProperty("csChargingProfiles").GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Composite_schedule_goes_to_the_connector_or_EVSE_and_its_status_comes_back(OcppVersion version)
    {
        var server = On("sqlite");
        var id = $"scp-composite-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        var accepted = version == OcppVersion.V16
            ? """{"status":"Accepted","connectorId":2,"scheduleStart":"2026-11-26T10:00:00.000Z","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000.0}]}}"""
            : """{"status":"Accepted","schedule":{"evseId":2,"duration":600,"scheduleStart":"2026-11-26T10:00:00.000Z","chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000.0}]}}""";
        station.Answer("GetCompositeSchedule", accepted);

        var reply = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-composite-schedule", """{"connectorId":2,"duration":600,"chargingRateUnit":"W"}""")).JsonAsync(200);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(accepted), JsonNode.Parse(reply.GetProperty("response").GetRawText())));
        var sent = station.Last("GetCompositeSchedule").Payload;
        Assert.Equal(2, sent.GetProperty(version == OcppVersion.V16 ? "connectorId" : "evseId").GetInt32());
        Assert.Equal(600, sent.GetProperty("duration").GetInt32());
        Assert.Equal("W", sent.GetProperty("chargingRateUnit").GetString());

        station.Answer("GetCompositeSchedule", """{"status":"Rejected"}""");
        var rejected = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-composite-schedule", """{"connectorId":9,"duration":60}""")).JsonAsync(200);
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.False(station.Last("GetCompositeSchedule").Payload.TryGetProperty("chargingRateUnit", out _));
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_recurring_TxProfile_keeps_its_transaction_recurrence_and_validity_in_the_version_spelling(OcppVersion version)
    {
        var server = On("sqlite");
        var id = $"scp-tx-{version}";
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("SetChargingProfile", """{"status":"Accepted"}""");
        var tx = Profile(61, "TxProfile", 0)
            .Replace("\"chargingProfileKind\":\"Absolute\",", "\"chargingProfileKind\":\"Recurring\",\"recurrencyKind\":\"Daily\",\"validFrom\":\"2026-11-01T00:00:00.000Z\",\"validTo\":\"2027-11-01T00:00:00.000Z\",\"transactionId\":42,", StringComparison.Ordinal);

        await SetAsync(server, id, 1, tx);

        var sent = station.Last("SetChargingProfile").Payload;
        var profile = sent.GetProperty(version == OcppVersion.V16 ? "csChargingProfiles" : "chargingProfile");
        Assert.Equal("Daily", profile.GetProperty("recurrencyKind").GetString());
        Assert.Equal("2026-11-01T00:00:00.000Z", profile.GetProperty("validFrom").GetString());
        Assert.Equal("2027-11-01T00:00:00.000Z", profile.GetProperty("validTo").GetString());
        if (version == OcppVersion.V16)
        {
            Assert.Equal(42, profile.GetProperty("transactionId").GetInt32());
        }
        else
        {
            Assert.Equal("42", profile.GetProperty("transactionId").GetString());
        }

        var shown = Assert.Single(await ProfilesAsync(server, id)).GetProperty("transactionId"); // SPEC §2.2: the 1.6 integer or the 2.0.1 string
        Assert.Equal(version == OcppVersion.V16 ? "42" : "\"42\"", shown.GetRawText());

        // A 2.0.1 transaction id is a string; 1.6 has integers only.
        var named = tx.Replace("\"transactionId\":42", "\"transactionId\":\"b7e1-tx\"", StringComparison.Ordinal);
        if (version == OcppVersion.V201)
        {
            await SetAsync(server, id, 1, named);
            Assert.Equal("b7e1-tx", station.Last("SetChargingProfile").Payload.GetProperty("chargingProfile").GetProperty("transactionId").GetString());
            Assert.Equal("b7e1-tx", Assert.Single(await ProfilesAsync(server, id)).GetProperty("transactionId").GetString());
        }
        else
        {
            var problem = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/set-charging-profile", $$"""{"connectorId":1,"csChargingProfiles":{{named}} }""")).ProblemAsync(400);
            Assert.Equal("$.csChargingProfiles.transactionId", problem.GetProperty("violations")[0].GetProperty("path").GetString());
        }
    }

    [Fact]
    public async Task The_profiles_of_an_unknown_station_are_a_404()
    {
        await (await On("sqlite").Api().GetAsync("/api/stations/nobody-here/charging-profiles", TestContext.Current.CancellationToken)).ProblemAsync(404);
    }

    private static string Profile(int id, string purpose, int stackLevel, string limit = "16.5") => $$"""
        {"chargingProfileId":{{id}},"stackLevel":{{stackLevel}},"chargingProfilePurpose":"{{purpose}}","chargingProfileKind":"Absolute",
         "chargingSchedule":{"duration":3600,"startSchedule":"2026-11-26T10:00:00.000Z","chargingRateUnit":"A",
         "chargingSchedulePeriod":[{"startPeriod":0,"limit":{{limit}},"numberPhases":3}],"minChargingRate":6.0} }
        """;

    private static async Task<JsonElement> SetAsync(IskraServer server, string id, int connectorId, string profile) =>
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/set-charging-profile", $$"""{"connectorId":{{connectorId}},"csChargingProfiles":{{profile}} }""")).JsonAsync(200);

    private static async Task<JsonElement[]> ProfilesAsync(IskraServer server, string id)
    {
        var page = await (await server.Api().GetAsync($"/api/stations/{id}/charging-profiles", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>The stored profile ids, in order, as "1,2".</summary>
    private static async Task<string> IdsAsync(IskraServer server, string id) =>
        string.Join(',', (await ProfilesAsync(server, id)).Select(p => p.GetProperty("chargingProfileId").GetInt32()).Order());
}
