using System.Net.Http.Headers;
using System.Text;
using Iskra.Csms.Notifications;
using Iskra.Ocpp;
using Iskra.Server.Tests.Events;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Durability;

/// <summary>Issue 13: webhooks and e-mails accepted for delivery survive kill -9; after the restart every one arrives, with the delivery id it was stored with.</summary>
public sealed class OutboxKillTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ISKRA_API_KEY"] = ApiClient.AdminKey,
        ["ISKRA_Webhooks__AllowedNetworks__0"] = "127.0.0.0/8",
        ["ISKRA_Notifications__RetryDelaySeconds__0"] = "0.2",
        ["ISKRA_Seed__Stations__0__Id"] = "CP-OB1",
        ["ISKRA_Seed__Stations__0__Password"] = Seed.Password,
        ["ISKRA_Seed__Stations__1__Id"] = "CP-OB2",
        ["ISKRA_Seed__Stations__1__Password"] = Seed.Password,
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Webhooks_and_emails_queued_at_a_kill_9_are_all_delivered_after_the_restart_with_their_delivery_ids(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await TestDatabase.CreateAsync(provider);
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue); // an outage: every attempt fails
        await using var smtp = await SmtpSink.StartAsync();
        long hook;
        long subscription;
        await using (var first = await ServerProcess.StartAsync(database.ConnectionString, WithSmtp(ClosedPort()))) // the mail server is down
        {
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{first.Port}") };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiClient.AdminKey);
            var created = await api.PostAsync(new Uri("/api/webhooks", UriKind.Relative), new StringContent($$"""{"url":"{{receiver.Url}}"}""", Encoding.UTF8, "application/json"), ct);
            hook = (await created.JsonAsync(201)).GetProperty("id").GetInt64();
            var subscribed = await api.PostAsync(
                new Uri("/api/notification-subscriptions", UriKind.Relative),
                new StringContent("""{"name":"ops","channel":"Email","recipients":["ops@site.test"],"kinds":["ConnectorFaulted"]}""", Encoding.UTF8, "application/json"), ct);
            subscription = (await subscribed.JsonAsync(201)).GetProperty("id").GetInt64();

            await using var one = await TestStation.ConnectAsync(first.OcppUri("CP-OB1"), "CP-OB1", OcppVersion.V16, Seed.Password);
            await using var two = await TestStation.ConnectAsync(first.OcppUri("CP-OB2"), "CP-OB2", OcppVersion.V201, Seed.Password);
            await one.CallAsync("BootNotification", """{"chargePointVendor":"Acme","chargePointModel":"K1"}""");
            for (var i = 1; i <= 5; i++)
            {
                await one.CallAsync("StatusNotification", $$"""{"connectorId":{{i}},"errorCode":"GroundFailure","status":"Faulted"}""");
                await two.CallAsync("StatusNotification", $$"""{"timestamp":"2026-12-07T10:00:00Z","connectorStatus":"Available","evseId":{{i}},"connectorId":1}""");
            }

            // Queued and failing: the rows are stored, and the receiver has refused at least one attempt.
            for (var i = 0; i < 300 && (await PendingAsync(database.ConnectionString, hook) < 12 || receiver.Arrivals == 0 || await MailsPendingAsync(database.ConnectionString, subscription) < 5); i++)
            {
                await Task.Delay(100, ct);
            }

            await first.KillAsync();
        }

        HashSet<string> stored;
        HashSet<string> storedMails;
        await using (var db = ServerProcess.OpenDatabase(database.ConnectionString))
        {
            var rows = await db.Outbox.Where(m => m.WebhookId == hook).ToListAsync(ct);
            Assert.True(rows.Count >= 12, $"{rows.Count} deliveries stored");
            Assert.All(rows, m => Assert.Equal(OutboxState.Pending, m.State));
            Assert.Contains(rows, m => m.Attempts > 0);
            stored = [.. rows.Select(m => m.DeliveryId)];
            var mails = await db.Outbox.Where(m => m.SubscriptionId == subscription).ToListAsync(ct);
            Assert.Equal(5, mails.Count); // one per faulted connector
            Assert.All(mails, m => Assert.Equal(OutboxState.Pending, m.State));
            storedMails = [.. mails.Select(m => $"<{m.DeliveryId}@iskra>")];
        }

        receiver.Heal();
        await using var second = await ServerProcess.StartAsync(database.ConnectionString, WithSmtp(smtp.Port));
        var arrived = new HashSet<string>();
        while (!stored.IsSubsetOf(arrived))
        {
            var request = await receiver.NextAsync(); // fails the test after 30 s without a request
            if (!request.FailedOnPurpose)
            {
                arrived.Add(request.Headers["X-Iskra-Delivery-Id"]);
            }
        }

        await using var after = ServerProcess.OpenDatabase(database.ConnectionString);
        for (var i = 0; i < 100 && await after.Outbox.CountAsync(m => m.WebhookId == hook && m.State != OutboxState.Delivered, ct) > 0; i++)
        {
            await Task.Delay(100, ct);
        }

        Assert.Equal(stored.Count, await after.Outbox.CountAsync(m => m.WebhookId == hook && m.State == OutboxState.Delivered && stored.Contains(m.DeliveryId), ct));
        for (var i = 0; i < 300 && smtp.To("ops@site.test").Count < storedMails.Count; i++)
        {
            await Task.Delay(100, ct);
        }

        Assert.Superset(storedMails, smtp.To("ops@site.test").Select(m => $"<{m.MessageId}>").ToHashSet());
        Assert.Subset(storedMails, smtp.To("ops@site.test").Select(m => $"<{m.MessageId}>").ToHashSet());
    }

    private static Dictionary<string, string> WithSmtp(int port) => new(Settings)
    {
        ["ISKRA_Notifications__Smtp__Host"] = "127.0.0.1",
        ["ISKRA_Notifications__Smtp__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ISKRA_Notifications__Smtp__Security"] = "None",
        ["ISKRA_Notifications__Smtp__From"] = "iskra@iskra.test",
    };

    /// <summary>A loopback port nothing listens on: connections to it are refused.</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<int> MailsPendingAsync(string connectionString, long subscription)
    {
        await using var db = ServerProcess.OpenDatabase(connectionString);
        return await db.Outbox.CountAsync(m => m.SubscriptionId == subscription && m.State == OutboxState.Pending, TestContext.Current.CancellationToken);
    }

    private static async Task<int> PendingAsync(string connectionString, long hook)
    {
        await using var db = ServerProcess.OpenDatabase(connectionString);
        return await db.Outbox.CountAsync(m => m.WebhookId == hook && m.State == OutboxState.Pending, TestContext.Current.CancellationToken);
    }
}
