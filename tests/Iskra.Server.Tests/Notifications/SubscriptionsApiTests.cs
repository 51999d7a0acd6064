using Iskra.Csms.Access;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;

namespace Iskra.Server.Tests.Notifications;

/// <summary><c>/api/notification-subscriptions</c>: create, read, replace, delete, and every field checked.</summary>
public sealed class SubscriptionsApiTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private const string Path = "/api/notification-subscriptions";

    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_subscription_is_created_read_replaced_and_deleted_with_an_audit_entry_each()
    {
        var created = await (await Server.Api().PostJsonAsync(Path,
            """{"name":"Site A ops","channel":"Email","recipients":["ops@example.com","Lead@Example.com"],"minimumSeverity":"major","kinds":["StationOffline"],"stations":["SITE-A-*"],"digestSeconds":300}""")).JsonAsync(201);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("Major", created.GetProperty("minimumSeverity").GetString());
        Assert.Equal(["ops@example.com", "Lead@Example.com"], created.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["SITE-A-*"], created.GetProperty("stations").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal((300, false, true), (created.GetProperty("digestSeconds").GetInt32(), created.GetProperty("includeCleared").GetBoolean(), created.GetProperty("enabled").GetBoolean()));

        var read = await (await Server.Api().GetPathAsync($"{Path}/{id}")).JsonAsync(200);
        Assert.Equal("Site A ops", read.GetProperty("name").GetString());
        Assert.Contains(await Server.Api().ItemsAsync(Path), s => s.GetProperty("id").GetInt64() == id);

        var replaced = await (await Server.Api().PutAsync($"{Path}/{id}", Json("""{"name":"Site A, all","channel":"Email","recipients":["ops@example.com"],"includeCleared":true,"enabled":false}"""),
            TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(("Site A, all", "Warning", 0, true, false, 0), (replaced.GetProperty("name").GetString(), replaced.GetProperty("minimumSeverity").GetString(),
            replaced.GetProperty("digestSeconds").GetInt32(), replaced.GetProperty("includeCleared").GetBoolean(), replaced.GetProperty("enabled").GetBoolean(),
            replaced.GetProperty("kinds").GetArrayLength()));

        Assert.Equal(204, (int)(await Server.Api().DeleteAsync(new Uri($"{Path}/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        await (await Server.Api().GetPathAsync($"{Path}/{id}")).ProblemAsync(404);
        await (await Server.Api().DeleteAsync(new Uri($"{Path}/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).ProblemAsync(404);

        var audit = await Server.Api().ItemsAsync($"/api/audit?limit=200");
        var actions = audit.Where(a => a.GetProperty("target").GetString() == $"subscription {id}").Select(a => a.GetProperty("command").GetString()).ToList();
        Assert.Equal(["subscription.created", "subscription.deleted", "subscription.updated"], actions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"name":"x","channel":"Email","recipients":["ops@example.com"],"recipient":"a@b.c"}""", "Unknown field 'recipient'")]
    [InlineData("""{"channel":"Email","recipients":["ops@example.com"]}""", "name is required")]
    [InlineData("""{"name":"x","channel":"Sms","recipients":["ops@example.com"]}""", "channel must be Email or Webhook")]
    [InlineData("""{"name":"x","channel":"Email","recipients":["not an address"]}""", "'not an address' is not an e-mail address")]
    [InlineData("""{"name":"x","channel":"Email","recipients":[]}""", "channel Email needs recipients")]
    [InlineData("""{"name":"x","channel":"Email","recipients":["ops@example.com"],"minimumSeverity":"Urgent"}""", "minimumSeverity must be one of Critical, Major, Minor, Warning")]
    [InlineData("""{"name":"x","channel":"Email","recipients":["ops@example.com"],"kinds":["Offline"]}""", "kinds: 'Offline' is not an alarm kind")]
    [InlineData("""{"name":"x","channel":"Email","recipients":["ops@example.com"],"stations":["SITE-*-A"]}""", "may hold '*' only at its end")]
    [InlineData("""{"name":"x","channel":"Email","recipients":["ops@example.com"],"digestSeconds":86401}""", "digestSeconds must be an integer from 0 to 86400")]
    [InlineData("""{"name":"x","channel":"Email","recipients":["ops@example.com"],"includeCleared":"yes"}""", "includeCleared must be true or false")]
    [InlineData("""{"name":"x","channel":"Webhook"}""", "channel Webhook needs webhookId")]
    [InlineData("""{"name":"x","channel":"Webhook","webhookId":987654}""", "there is no webhook 987654")]
    public async Task A_body_that_is_not_a_valid_subscription_is_400_naming_what_is_wrong(string body, string expected)
    {
        var before = (await Server.Api().ItemsAsync(Path)).Length;

        var problem = await (await Server.Api().PostJsonAsync(Path, body)).ProblemAsync(400);

        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await Server.Api().ItemsAsync(Path)).Length);
    }

    [Fact]
    public async Task More_than_twenty_recipients_are_refused()
    {
        var recipients = string.Join(',', Enumerable.Range(1, 21).Select(i => $"\"ops{i}@example.com\""));

        var problem = await (await Server.Api().PostJsonAsync(Path, $$"""{"name":"many","channel":"Email","recipients":[{{recipients}}]}""")).ProblemAsync(400);

        Assert.Contains("recipients must be an array of at most 20", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_may_read_or_change_subscriptions()
    {
        using var operatorKey = await Server.ApiAsync(ApiRole.Operator);
        Assert.Equal(403, (int)(await operatorKey.GetPathAsync(Path)).StatusCode);
        Assert.Equal(403, (int)(await operatorKey.PostJsonAsync(Path, """{"name":"x","channel":"Email","recipients":["ops@example.com"]}""")).StatusCode);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
