using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Csms.Security;
using Iskra.Ocpp;
using Iskra.Server.Tests.Events;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Iskra.Server.Tests.Security;

/// <summary>
/// Guard: a station password sent through every path (commands, raw calls, station answers and reports, on
/// both versions, accepted, rejected and refused) is found nowhere afterwards: not in any column of any table,
/// not in the log, not in what a viewer key can read, not in what the API answered (1.6 security whitepaper
/// A01.FR.08/09, AuthorizationKey write-only; 2.0.1 SecurityCtrlr.BasicAuthPassword WriteOnly), nor in
/// any event of <c>/api/events</c> or webhook delivery made meanwhile.
/// </summary>
public sealed class SecretGuardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_station_password_sent_through_every_path_is_stored_logged_and_shown_nowhere(string provider)
    {
        var log = new CapturedLog();
        var settings = new Dictionary<string, string?> { ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8" }; // the receiver below
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), settings, b =>
        {
            b.Logging.AddProvider(log);
            b.Logging.SetMinimumLevel(LogLevel.Trace);
        });
        var secrets = Enumerable.Range(1, 12).Select(n => $"Secret{n:D2}Leak{provider}ZZ9plural").ToArray();
        string S(int n) => secrets[n - 1];
        var answered = new List<string>();
        using var admin = server.Api();

        // An events stream and a webhook of every event are open throughout; each reads until the run's last event.
        await using var receiver = await WebhookReceiver.StartAsync();
        await server.CreateWebhookAsync($$"""{"url":"{{receiver.Url}}"}""");
        var streamed = CollectAsync(await SseClient.OpenAsync(server));
        var pushed = CollectAsync(receiver);

        async Task SendAsync(string path, string body, int status)
        {
            var response = await admin.PostJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True((int)response.StatusCode == status, $"{path} {body}: expected {status}, got {(int)response.StatusCode}: {text}");
            answered.Add(text);
        }

        // OCPP 1.6: AuthorizationKey.
        await using (var v16 = await RespondingStation.StartAsync(server, "guard16", OcppVersion.V16))
        {
            v16.Answer("ChangeConfiguration", r => r.GetProperty("value").GetString() == S(5) ? """{"status":"Rejected"}""" : """{"status":"Accepted"}""");
            v16.Answer("GetConfiguration", $$"""
                {"configurationKey":[{"key":"AuthorizationKey","readonly":false,"value":"{{S(2)}}"},{"key":"authorizationkey","readonly":false,"value":"{{S(4)}}"},{"key":"HeartbeatInterval","readonly":false,"value":"300"}]}
                """);
            await SendAsync("/api/stations/guard16/commands/change-configuration", $$"""{"key":"AuthorizationKey","value":"{{S(1)}}"}""", 200);
            await SendAsync("/api/stations/guard16/commands/get-configuration", "{}", 200);
            await SendAsync("/api/stations/guard16/ocpp/ChangeConfiguration", $$"""{"key":"AuthorizationKey","value":"{{S(3)}}"}""", 400); // raw: refused, audited
            await SendAsync("/api/stations/guard16/ocpp/GetConfiguration", "{}", 200);
            await SendAsync("/api/stations/guard16/commands/change-configuration", $$"""{"key":"authorizationKey","value":"{{S(5)}}"}""", 200);
            await SendAsync("/api/stations/guard16/commands/change-configuration", $$"""{"key":"AuthorizationKey","value":"{{S(6) + new string('x', 500)}}"}""", 400);
        }

        // OCPP 2.0.1: SecurityCtrlr.BasicAuthPassword.
        await using (var v201 = await RespondingStation.StartAsync(server, "guard201", OcppVersion.V201))
        {
            v201.Answer("SetVariables", r =>
            {
                var data = r.GetProperty("setVariableData")[0];
                return $$"""{"setVariableResult":[{"attributeStatus":"Accepted","component":{{data.GetProperty("component").GetRawText()}},"variable":{{data.GetProperty("variable").GetRawText()}}}]}""";
            });
            v201.Answer("GetVariables", $$$"""
                {"getVariableResult":[{"attributeStatus":"Accepted","attributeValue":"{{{S(10)}}}","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}
                """);
            await SendAsync("/api/stations/guard201/commands/change-configuration", $$"""{"key":"SecurityCtrlr.BasicAuthPassword","value":"{{S(7)}}"}""", 200);
            await SendAsync("/api/stations/guard201/commands/change-configuration", $$"""{"key":"AuthorizationKey","value":"{{S(8)}}"}""", 200);
            await SendAsync("/api/stations/guard201/ocpp/SetVariables", $$$"""
                {"setVariableData":[{"attributeValue":"{{{S(9)}}}","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}
                """, 400);
            await SendAsync("/api/stations/guard201/commands/get-configuration", """{"keys":["SecurityCtrlr.BasicAuthPassword"]}""", 200);
            await SendAsync("/api/stations/guard201/ocpp/GetVariables", """{"getVariableData":[{"component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}""", 200);
            await v201.CallAsync("NotifyReport", $$$"""
                {"requestId":7,"generatedAt":"2026-11-26T12:00:00Z","seqNo":0,"tbc":false,"reportData":[
                  {"component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"},"variableAttribute":[{"type":"Actual","value":"{{{S(12)}}}","mutability":"WriteOnly"}]},
                  {"component":{"name":"securityctrlr"},"variable":{"name":"basicauthpassword"},"variableAttribute":[{"type":"Target","value":"{{{S(11)}}}","mutability":"WriteOnly"}]}]}
                """);
        }

        await WaitForTrafficAsync(server);
        await (await admin.PatchAsync(new Uri("/api/stations/guard16", UriKind.Relative), new StringContent($$"""{"description":"{{EndOfRun}}"}""", System.Text.Encoding.UTF8, "application/json"), Ct)).JsonAsync(200);
        var events = await streamed;
        var webhooks = await pushed;
        Assert.Contains(events, e => e.Contains("command.answered", StringComparison.Ordinal));
        Assert.Contains(webhooks, e => e.Contains("command.answered", StringComparison.Ordinal));
        using var viewer = await server.ApiAsync(ApiRole.Viewer);
        foreach (var path in new[]
        {
            "/api/stations/guard16/configuration", "/api/stations/guard16/messages?limit=500",
            "/api/stations/guard201/device-model", "/api/stations/guard201/messages?limit=500",
        })
        {
            answered.Add((await (await viewer.GetAsync(new Uri(path, UriKind.Relative), Ct)).JsonAsync(200)).GetRawText());
        }

        answered.Add((await (await admin.GetAsync(new Uri("/api/audit?limit=500", UriKind.Relative), Ct)).JsonAsync(200)).GetRawText());
        var stored = await DatabaseText.AllAsync(server);
        var logged = log.Text;
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(stored, v => v.Value.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(secret, logged, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(answered, a => a.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(events, e => e.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(webhooks, e => e.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        // What is kept says that a value is set, without it.
        Assert.Contains(stored, v => v.Table == "traffic" && v.Value.Contains(SecretSettings.Redacted, StringComparison.Ordinal));
        await using var db = server.CreateDbContext();
        var keys = await db.ConfigurationKeys.Where(k => k.StationId == "guard16").ToListAsync(Ct);
        Assert.Equal(SecretSettings.Redacted, Assert.Single(keys, k => SecretSettings.IsSecretKey(k.Key)).Value);
        Assert.NotEmpty(await db.DeviceModel.Where(v => v.Variable == "BasicAuthPassword" && v.Value == SecretSettings.Redacted).ToListAsync(Ct));
    }

    private const string EndOfRun = "guard-end-of-run";

    /// <summary>Every event of <paramref name="stream"/> as JSON text, up to the run's last one (a station.updated with <see cref="EndOfRun"/>).</summary>
    private static async Task<List<string>> CollectAsync(SseClient stream)
    {
        await using (stream)
        {
            var seen = new List<string>();
            while (true)
            {
                var e = await stream.NextAsync();
                seen.Add(e.Type + " " + e.Message.GetRawText());
                if (e.Type == "station.updated" && e.Message.GetRawText().Contains(EndOfRun, StringComparison.Ordinal))
                {
                    return seen;
                }
            }
        }
    }

    /// <summary>Every request <paramref name="receiver"/> got (headers and body), up to the run's last event.</summary>
    private static async Task<List<string>> CollectAsync(WebhookReceiver receiver)
    {
        var seen = new List<string>();
        while (true)
        {
            var request = await receiver.NextAsync();
            var body = System.Text.Encoding.UTF8.GetString(request.Body);
            seen.Add(string.Join('\n', request.Headers.Select(h => h.Key + ": " + h.Value)) + "\n" + body);
            if (request.EventType == "station.updated" && body.Contains(EndOfRun, StringComparison.Ordinal))
            {
                return seen;
            }
        }
    }

    /// <summary>The traffic log is written behind the station's back: wait until the last frames of both stations are in.</summary>
    private static async Task WaitForTrafficAsync(IskraServer server)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = server.CreateDbContext();
            if (await db.Traffic.AnyAsync(t => t.StationId == "guard201" && !t.Incoming && t.Frame.StartsWith("[3"), Ct)
                && await db.Traffic.CountAsync(t => t.StationId == "guard201" && t.Frame.Contains("NotifyReport"), Ct) >= 1
                && await db.Traffic.CountAsync(t => t.StationId == "guard201", Ct) >= 14)
            {
                return;
            }

            await Task.Delay(100, Ct);
        }
    }
}
