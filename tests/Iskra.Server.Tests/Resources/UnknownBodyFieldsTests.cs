using System.Net.Http.Headers;
using System.Text;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary>
/// Every JSON body of the API that stands for a resource (stations, id tags, API keys, webhooks) refuses a
/// field it does not take with a 400 that names it and lists the expected ones, as commands do
/// (one rule: <c>Iskra.Csms.ExpectedFields</c>), and nothing is created.
/// </summary>
public sealed class UnknownBodyFieldsTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task An_api_key_with_a_field_it_does_not_take_is_400_and_no_key_is_made()
    {
        var problem = await (await Server.Api().PostJsonAsync("/api/api-keys", """{"name":"typo-key","role":"viewer","scope":"all"}""")).ProblemAsync(400);

        Assert.Equal("Unknown field 'scope'; expected: name, role.", problem.GetProperty("detail").GetString());
        var keys = await Server.Api().ItemsAsync("/api/api-keys");
        Assert.DoesNotContain(keys, k => k.GetProperty("name").GetString() == "typo-key");
    }

    [Fact]
    public async Task A_webhook_with_a_field_it_does_not_take_is_400_and_no_webhook_is_made()
    {
        // "event" for "events": taken silently, the webhook would receive every event type.
        var problem = await (await Server.Api().PostJsonAsync("/api/webhooks", """{"url":"http://127.0.0.1:9/typo","event":["transaction.started"]}""")).ProblemAsync(400);

        Assert.Equal("Unknown field 'event'; expected: url, events, stationId, secret.", problem.GetProperty("detail").GetString());
        var hooks = await Server.Api().ItemsAsync("/api/webhooks");
        Assert.DoesNotContain(hooks, h => h.GetProperty("url").GetString() == "http://127.0.0.1:9/typo");
    }

    /// <summary>
    /// The guard: every operation of the OpenAPI document that takes a JSON body refuses an unknown field
    /// (commands and raw OCPP calls have their own: the command guard and the official schemas).
    /// </summary>
    [Fact]
    public async Task Every_json_body_of_the_api_refuses_an_unknown_field()
    {
        var station = Pages.NewId("guard");
        var tag = Pages.NewId("GT");
        await Server.StationAsync(station);
        await Server.IdTagAsync(tag);
        var values = new Dictionary<string, string> { ["id"] = station, ["idTag"] = tag, ["modelId"] = "1", ["cdrId"] = "1", ["alarmId"] = "1", ["subscriptionId"] = "1" };

        using var anonymous = Server.Api(null);
        var document = await (await anonymous.GetPathAsync("/openapi/v1.json")).JsonAsync(200);
        var checkedOperations = new List<string>();
        var failures = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            if (path.Name.Contains("{command}", StringComparison.Ordinal) || path.Name.Contains("{action}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out _))
                {
                    continue;
                }

                var url = System.Text.RegularExpressions.Regex.Replace(path.Name, @"\{(\w+)\}", m =>
                    values.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new InvalidOperationException($"Give the guard a value for {{{m.Groups[1].Value}}} ({path.Name})."));
                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), new Uri(url, UriKind.Relative))
                {
                    Content = new StringContent("""{"zzUnknown":1}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
                };
                using var response = await Server.Api().SendAsync(request, TestContext.Current.CancellationToken);
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                checkedOperations.Add($"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}");
                if ((int)response.StatusCode != 400 || !text.Contains("Unknown field 'zzUnknown'; expected: ", StringComparison.Ordinal))
                {
                    failures.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: {(int)response.StatusCode} {text}");
                }
            }
        }

        Assert.Contains("POST /api/stations", checkedOperations);
        Assert.Contains("POST /api/api-keys", checkedOperations);
        Assert.Contains("POST /api/webhooks", checkedOperations);
        Assert.Contains("PUT /api/notification-subscriptions/{subscriptionId}", checkedOperations);
        Assert.Contains("PATCH /api/catalog/models/{modelId}", checkedOperations);
        Assert.True(failures.Count == 0, "These bodies took an unknown field:\n" + string.Join("\n", failures));
    }
}
