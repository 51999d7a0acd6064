using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Events;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Api;

/// <summary>
/// What docs/api.md walks a new user through, over the API alone: register a station and a card,
/// connect the station with the password the API gave, start a session remotely, watch its meter
/// values arrive, stop it remotely and read its energy. The station is a real WebSocket station
/// that does what a station does when it accepts (StartTransaction / TransactionEvent).
/// </summary>
public sealed class NewUserWalkthroughTests
{

    private static string At(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_remote_session_from_registration_to_energy_works_over_the_API_alone(string provider, OcppVersion version)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        using var api = server.Api();
        var id = "WALK-" + version.DisplayName().Replace(".", "", StringComparison.Ordinal);

        // 1. Register a station (the password is shown once) and a card.
        var registered = await (await api.PostJsonAsync("/api/stations", $$"""{"id":"{{id}}","description":"Car park level 2"}""")).JsonAsync(201);
        var password = registered.GetProperty("password").GetString()!;
        await (await api.PostJsonAsync("/api/id-tags", """{"idTag":"CARD-0001","status":"Accepted"}""")).JsonAsync(201);

        // 2. The station connects with that password and boots; the API shows it connected.
        await using var events = await SseClient.OpenAsync(server, id);
        await using var station = await RespondingStation.ConnectAsync(server, id, version, password);
        await station.BootAsync();
        var listed = await (await api.GetAsync(new Uri($"/api/stations/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.True(listed.GetProperty("connected").GetBoolean());
        Assert.Equal(version.DisplayName(), listed.GetProperty("ocppVersion").GetString());

        // 3. Start a session remotely; the accepting station starts the transaction.
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-30);
        var transactionId = "";
        station.Answer(version == OcppVersion.V16 ? "RemoteStartTransaction" : "RequestStartTransaction", """{"status":"Accepted"}""");
        var started = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"connectorId":1,"idTag":"CARD-0001"}""")).JsonAsync(200);
        Assert.Equal("Accepted", started.GetProperty("status").GetString());
        var remoteStartId = started.GetProperty("remoteStartId").GetInt32();
        if (version == OcppVersion.V16)
        {
            var start = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"CARD-0001","meterStart":1000,"timestamp":"{{At(t0)}}"}""");
            Assert.Equal("Accepted", start.GetProperty("idTagInfo").GetProperty("status").GetString());
            transactionId = start.GetProperty("transactionId").GetInt32().ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            transactionId = "walk-tx-1";
            var remoteStart = station.Last("RequestStartTransaction").Payload.GetProperty("remoteStartId").GetInt32();
            Assert.Equal(remoteStartId, remoteStart);
            var start = await station.CallAsync("TransactionEvent", $$$"""
                {"eventType":"Started","timestamp":"{{{At(t0)}}}","triggerReason":"RemoteStart","seqNo":0,
                 "transactionInfo":{"transactionId":"{{{transactionId}}}","remoteStartId":{{{remoteStart}}}},
                 "evse":{"id":1,"connectorId":1},"idToken":{"idToken":"CARD-0001","type":"Central"},
                 "meterValue":[{"timestamp":"{{{At(t0)}}}","sampledValue":[{"value":1000,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh"}}]}]}
                """);
            Assert.Equal("Accepted", start.GetProperty("idTokenInfo").GetProperty("status").GetString());
        }

        Assert.Equal("transaction.started", (await events.NextOfAsync("transaction.started", "station.connected", "station.status", "command.sent", "command.answered")).Type);

        // 4. Find the session by its remoteStartId and watch a meter value arrive.
        var active = await (await api.GetAsync(new Uri($"/api/transactions?stationId={id}&active=true", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200);
        var session = Assert.Single(active.GetProperty("items").EnumerateArray());
        Assert.Equal(remoteStartId, session.GetProperty("remoteStartId").GetInt32());
        Assert.Equal(version == OcppVersion.V16 ? transactionId : $"\"{transactionId}\"", session.GetProperty("transactionId").GetRawText()); // the 1.6 integer or the 2.0.1 string
        var sessionId = session.GetProperty("id").GetInt64();
        if (version == OcppVersion.V16)
        {
            await station.CallAsync("MeterValues", $$$"""
                {"connectorId":1,"transactionId":{{{transactionId}}},"meterValue":[{"timestamp":"{{{At(t0.AddSeconds(10))}}}","sampledValue":[
                  {"value":"5.5","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"11000","measurand":"Power.Active.Import","unit":"W"}]}]}
                """);
        }
        else
        {
            await station.CallAsync("TransactionEvent", $$$"""
                {"eventType":"Updated","timestamp":"{{{At(t0.AddSeconds(10))}}}","triggerReason":"MeterValuePeriodic","seqNo":1,
                 "transactionInfo":{"transactionId":"{{{transactionId}}}","chargingState":"Charging"},
                 "meterValue":[{"timestamp":"{{{At(t0.AddSeconds(10))}}}","sampledValue":[
                   {"value":5.5,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"kWh"}},{"value":11000,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"W"}}]}]}
                """);
        }

        var updated = await events.NextOfAsync("transaction.updated", "station.status");
        Assert.Equal(4500m, updated.Data.GetProperty("energyWh").GetDecimal());
        var running = await (await api.GetAsync(new Uri($"/api/transactions/{sessionId}", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200);
        var sampled = running.GetProperty("meterValues").EnumerateArray().SelectMany(m => m.GetProperty("sampledValue").EnumerateArray()).ToList();
        Assert.Contains(sampled, v => v.GetProperty("measurand").GetString() == "Power.Active.Import" && v.GetProperty("value").GetString() == "11000");

        // 5. Stop it remotely; the station ends the transaction; read its energy.
        station.Answer(version == OcppVersion.V16 ? "RemoteStopTransaction" : "RequestStopTransaction", """{"status":"Accepted"}""");
        var stopBody = version == OcppVersion.V16 ? $$"""{"transactionId":{{transactionId}}}""" : $$"""{"transactionId":"{{transactionId}}"}""";
        var stopped = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-stop", stopBody)).JsonAsync(200);
        Assert.Equal("Accepted", stopped.GetProperty("status").GetString());
        if (version == OcppVersion.V16)
        {
            Assert.Equal(transactionId, station.Last("RemoteStopTransaction").Payload.GetProperty("transactionId").GetInt32().ToString(CultureInfo.InvariantCulture));
            await station.CallAsync("StopTransaction", $$"""{"transactionId":{{transactionId}},"meterStop":7500,"timestamp":"{{At(t0.AddSeconds(20))}}","reason":"Remote"}""");
        }
        else
        {
            Assert.Equal(transactionId, station.Last("RequestStopTransaction").Payload.GetProperty("transactionId").GetString());
            await station.CallAsync("TransactionEvent", $$$"""
                {"eventType":"Ended","timestamp":"{{{At(t0.AddSeconds(20))}}}","triggerReason":"RemoteStop","seqNo":2,
                 "transactionInfo":{"transactionId":"{{{transactionId}}}","stoppedReason":"Remote"},
                 "meterValue":[{"timestamp":"{{{At(t0.AddSeconds(20))}}}","sampledValue":[{"value":7500,"measurand":"Energy.Active.Import.Register","context":"Transaction.End","unitOfMeasure":{"unit":"Wh"}}]}]}
                """);
        }

        Assert.Equal("transaction.stopped", (await events.NextOfAsync("transaction.stopped", "station.status", "transaction.updated", "command.sent", "command.answered")).Type);
        var done = await (await api.GetAsync(new Uri($"/api/transactions/{sessionId}", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(6500m, done.GetProperty("energyWh").GetDecimal());
        Assert.Equal("Remote", done.GetProperty("stopReason").GetString());
        Assert.Equal(JsonValueKind.String, done.GetProperty("stoppedAt").ValueKind);
        Assert.False(done.GetProperty("active").GetBoolean());
    }
}
