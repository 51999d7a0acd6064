using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Events;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;
using Iskra.Server.Tests.Simulator;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Notifications;

/// <summary>
/// Issue 13's done-means: a power cut of 50 simulated stations at one site produces one digest per subscription, not 50,
/// from the StationOffline rule through the outbox to a real SMTP server and a real webhook receiver on loopback.
/// </summary>
public sealed class PowerCutDigestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_site_wide_power_cut_sends_one_digest_per_subscription_and_the_alarms_clear_when_power_returns(string provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:Smtp:From"] = "iskra@iskra.test",
            ["Notifications:DigestCheckInterval"] = "00:00:00.200",
            ["Alarms:CheckInterval"] = "00:00:00.200",
            ["Alarms:StationOffline:After"] = "00:00:01",
            ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Ocpp:MaxMessagesPerSecond"] = "100000",
            ["Ocpp:MessageBurst"] = "100000",
        });
        var site = $"PCUT-{provider[..2].ToUpperInvariant()}-";
        var hook = (await (await server.Api().PostJsonAsync("/api/webhooks", $$"""{"url":"{{receiver.Url}}","events":["cdr.issued"]}""")).JsonAsync(201)).GetProperty("id").GetInt64();
        await server.SubscribeAsync($$"""{"name":"site ops","channel":"Email","recipients":["ops@site.test"],"stations":["{{site}}*"],"digestSeconds":3}""");
        await server.SubscribeAsync($$"""{"name":"on call","channel":"Email","recipients":["oncall@site.test"],"minimumSeverity":"Major","kinds":["StationOffline"],"digestSeconds":3,"includeCleared":true}""");
        await server.SubscribeAsync($$"""{"name":"ticketing","channel":"Webhook","webhookId":{{hook}},"stations":["{{site}}*"],"digestSeconds":3}""");

        var stations = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            SimulatedStations.StartAsync(server, $"{site}{i:D2}", i % 2 == 0 ? OcppVersion.V16 : OcppVersion.V201)));
        try
        {
            await Task.WhenAll(stations.Select(s => s.PowerCutAsync()));

            var ops = await WaitForMailAsync(smtp, "ops@site.test", 1);
            var oncall = await WaitForMailAsync(smtp, "oncall@site.test", 1);
            var digest = await receiver.NextDeliveredAsync();
            await Task.Delay(TimeSpan.FromSeconds(4), Ct); // longer than a digest window: nothing more follows

            Assert.Single(smtp.To("ops@site.test"));
            Assert.Single(smtp.To("oncall@site.test"));
            Assert.Equal(1, receiver.Arrivals);
            Assert.StartsWith("[Iskra] 50 alarms · 50 StationOffline", ops[0].Subject, StringComparison.Ordinal);
            Assert.Equal(ops[0].Subject, oncall[0].Subject);
            foreach (var station in stations)
            {
                Assert.Contains(station.Options.Id, ops[0].TextBody, StringComparison.Ordinal);
            }

            var body = JsonDocument.Parse(digest.Body).RootElement;
            Assert.Equal("alarm.digest", body.GetProperty("type").GetString());
            Assert.Equal(50, body.GetProperty("alarms").GetArrayLength());
            Assert.Equal(32, digest.Headers["X-Iskra-Delivery-Id"].Length);
            var open = await server.Api().ItemsAsync($"/api/alarms?kind=StationOffline&open=true&limit=100");
            Assert.Equal(50, open.Count(a => a.GetProperty("stationId").GetString()!.StartsWith(site, StringComparison.Ordinal)));

            // Power returns: every alarm clears, and only the subscription that asked for clears gets one more digest.
            await Task.WhenAll(stations.Select(s => s.PowerRestoreAsync()));
            var cleared = await WaitForMailAsync(smtp, "oncall@site.test", 2);
            Assert.Contains("50", cleared[1].Subject, StringComparison.Ordinal);
            Assert.DoesNotContain(
                await server.Api().ItemsAsync($"/api/alarms?kind=StationOffline&open=true&limit=100"),
                a => a.GetProperty("stationId").GetString()!.StartsWith(site, StringComparison.Ordinal));
            await Task.Delay(TimeSpan.FromSeconds(4), Ct);
            Assert.Single(smtp.To("ops@site.test"));
            Assert.Equal(1, receiver.Arrivals);
        }
        finally
        {
            await Task.WhenAll(stations.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    private static async Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForMailAsync(SmtpSink smtp, string to, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (smtp.To(to).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        var mails = smtp.To(to);
        Assert.True(mails.Count >= count, $"{to}: {mails.Count} e-mails, expected {count}");
        return mails;
    }
}
