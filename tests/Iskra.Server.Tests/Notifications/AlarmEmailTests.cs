using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Csms.Alarms;
using Iskra.Csms.Notifications;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Notifications;

/// <summary>
/// Alarms reach people: a station's fault becomes an outbox row per matching subscription, sent as a real e-mail to a
/// real SMTP server on loopback (through <see cref="EmailChannel"/>, as the outbox's delivery loop sends it), on SQLite
/// and PostgreSQL. Each test uses its own station ids and subscriptions limited to them.
/// </summary>
public sealed class AlarmEmailTests(NotificationServers servers) : IClassFixture<NotificationServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_faulted_connector_sends_one_email_with_the_alarm_its_place_and_its_link(string provider)
    {
        var server = await servers.OnAsync(provider);
        var id = $"MAIL-FAULT-{provider}";
        var to = $"ops-fault-{provider}@example.com";
        var subscription = await server.SubscribeAsync($$"""{"name":"faults","channel":"Email","recipients":["{{to}}"],"stations":["{{id}}"]}""");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);

        await station.CallAsync("StatusNotification", """{"connectorId":2,"errorCode":"GroundFailure","status":"Faulted"}""");
        var row = Assert.Single(await server.WaitForRowsAsync(subscription, 1));
        await server.DeliverAsync(row);

        var mail = Assert.Single(servers.Smtp.To(to));
        await using var db = server.CreateDbContext();
        var alarm = await db.Alarms.AsNoTracking().SingleAsync(a => a.StationId == id, Ct);
        Assert.StartsWith($"[Iskra] Major · {id} connector 2 reports GroundFailure since ", mail.Subject, StringComparison.Ordinal);
        Assert.Equal($"{row.DeliveryId}@iskra", mail.MessageId);
        Assert.Equal(row.DeliveryId, mail.Headers[EmailChannel.HeaderName]);
        Assert.Equal(NotificationServers.From, mail.From.Mailboxes.Single().Address);
        var body = mail.TextBody;
        Assert.Contains(alarm.Message, body, StringComparison.Ordinal);
        Assert.Contains($"Station:   {id} connector 2", body, StringComparison.Ordinal);
        Assert.Contains("Kind:      ConnectorFaulted (GroundFailure)", body, StringComparison.Ordinal);
        Assert.Contains("Severity:  Major", body, StringComparison.Ordinal);
        Assert.Contains("Count:     1", body, StringComparison.Ordinal);
        Assert.Contains($"https://iskra.test/api/alarms/{alarm.Id}", body, StringComparison.Ordinal);
        Assert.Equal(("alarm.raised", id, to), (row.EventType, row.StationId, row.Recipients));

        // A repeat of the open alarm is counted, not notified: still one row.
        await station.CallAsync("StatusNotification", """{"connectorId":2,"errorCode":"GroundFailure","status":"Faulted"}""");
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"OverVoltage","status":"Faulted"}""");
        var rows = await server.WaitForRowsAsync(subscription, 2);
        Assert.Equal(2, rows.Count);
        Assert.Contains("connector 1 reports OverVoltage", rows[1].Subject, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Severity_kind_and_station_filters_leave_out_the_alarms_they_do_not_name(string provider)
    {
        var server = await servers.OnAsync(provider);
        var id = $"MAIL-FILTER-{provider}-1";
        var critical = await server.SubscribeAsync($$"""{"name":"critical","channel":"Email","recipients":["a@example.com"],"minimumSeverity":"critical","stations":["{{id}}"]}""");
        var security = await server.SubscribeAsync($$"""{"name":"security","channel":"Email","recipients":["a@example.com"],"kinds":["SecurityEvent"],"stations":["{{id}}"]}""");
        var elsewhere = await server.SubscribeAsync($$"""{"name":"other site","channel":"Email","recipients":["a@example.com"],"stations":["MAIL-FILTER-{{provider}}-2*"]}""");
        var disabled = await server.SubscribeAsync($$"""{"name":"off","channel":"Email","recipients":["a@example.com"],"stations":["{{id}}"],"enabled":false}""");
        var control = await server.SubscribeAsync($$"""{"name":"major here","channel":"Email","recipients":["a@example.com"],"minimumSeverity":"Major","kinds":["ConnectorFaulted"],"stations":["MAIL-FILTER-{{provider}}-1*"]}""");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);

        await station.CallAsync("StatusNotification", """{"timestamp":"2026-12-07T10:00:00Z","connectorStatus":"Faulted","evseId":1,"connectorId":1}""");

        // The matching subscription's row is written in the same batch as any other would be.
        Assert.Single(await server.WaitForRowsAsync(control, 1));
        Assert.Empty(await server.RowsAsync(critical));
        Assert.Empty(await server.RowsAsync(security));
        Assert.Empty(await server.RowsAsync(elsewhere));
        Assert.Empty(await server.RowsAsync(disabled));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_station_in_a_maintenance_window_sends_nothing(string provider)
    {
        var server = await servers.OnAsync(provider);
        var quiet = $"MAIL-QUIET-{provider}-1";
        var loud = $"MAIL-QUIET-{provider}-2";
        var subscription = await server.SubscribeAsync($$"""{"name":"site","channel":"Email","recipients":["site@example.com"],"stations":["MAIL-QUIET-{{provider}}-*"]}""");
        await using var silenced = await RespondingStation.StartAsync(server, quiet, OcppVersion.V16);
        await using var other = await RespondingStation.StartAsync(server, loud, OcppVersion.V16);
        using var operatorKey = await server.ApiAsync(ApiRole.Operator);
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await (await operatorKey.PostJsonAsync($"/api/stations/{quiet}/maintenance-windows", $$"""{"until":"{{until}}","reason":"panel swap"}""")).JsonAsync(201);

        await silenced.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"GroundFailure","status":"Faulted"}""");
        await other.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"GroundFailure","status":"Faulted"}""");

        var row = Assert.Single(await server.WaitForRowsAsync(subscription, 1));
        Assert.Equal(loud, row.StationId);
        await using var db = server.CreateDbContext();
        Assert.True((await db.Alarms.AsNoTracking().SingleAsync(a => a.StationId == quiet, Ct)).Silenced); // kept, not notified
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_subscription_with_cleared_alarms_also_sends_the_clear(string provider)
    {
        var server = await servers.OnAsync(provider);
        var id = $"MAIL-CLEAR-{provider}";
        var to = $"clear-{provider}@example.com";
        var without = await server.SubscribeAsync($$"""{"name":"raised only","channel":"Email","recipients":["x@example.com"],"stations":["{{id}}"]}""");
        var with = await server.SubscribeAsync($$"""{"name":"and cleared","channel":"Email","recipients":["{{to}}"],"stations":["{{id}}"],"includeCleared":true}""");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);

        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"OverCurrentFailure","status":"Faulted"}""");
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");

        var rows = await server.WaitForRowsAsync(with, 2);
        Assert.Equal(["alarm.raised", "alarm.cleared"], rows.Select(r => r.EventType));
        await server.DeliverAsync(rows[0]);
        await server.DeliverAsync(rows[1]);
        var mails = servers.Smtp.To(to);
        Assert.Equal(2, mails.Count); // in order: the destination's messages go one after the other
        var mail = mails[1];
        Assert.StartsWith($"[Iskra] Cleared · {id} connector 1 reports OverCurrentFailure", mail.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Cleared: ", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Cleared:   ", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(await server.RowsAsync(without));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_power_cut_at_a_site_sends_one_digest_listing_every_station(string provider)
    {
        var server = await servers.OnAsync(provider);
        var site = $"DIGEST-{provider}-";
        var to = $"digest-{provider}@example.com";
        var subscription = await server.SubscribeAsync($$"""{"name":"site digest","channel":"Email","recipients":["{{to}}"],"stations":["{{site}}*"],"digestSeconds":2}""");
        var book = server.Services.GetRequiredService<AlarmBook>();
        var stations = Enumerable.Range(1, 50).Select(i => $"{site}{i:D2}").ToList();

        // What the StationOffline rule does for each station of the site that went dark.
        await Task.WhenAll(stations.Select(s => book.RaiseAsync(
            AlarmSignal.Iskra(new AlarmKey(s, null, null, AlarmKinds.StationOffline), AlarmSeverity.Major, $"{s} is offline since 03:12 UTC"), Ct)));

        var row = Assert.Single(await server.WaitForRowsAsync(subscription, 1));
        await Task.Delay(1500, Ct); // longer than a digest check: no second digest
        Assert.Single(await server.RowsAsync(subscription));
        Assert.Equal("alarm.digest", row.EventType);
        await server.DeliverAsync(row);

        var mail = Assert.Single(servers.Smtp.To(to));
        Assert.Equal($"[Iskra] 50 alarms · 50 StationOffline at {site}* (50 stations) · 50 Major", mail.Subject);
        foreach (var s in stations)
        {
            Assert.Contains($"{s} is offline since 03:12 UTC", mail.TextBody, StringComparison.Ordinal);
        }

        await using var db = server.CreateDbContext();
        var items = await db.NotificationItems.AsNoTracking().Where(i => i.SubscriptionId == subscription).ToListAsync(Ct);
        Assert.Equal(50, items.Count);
        Assert.All(items, i => Assert.Equal(row.Id, i.OutboxId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_webhook_subscription_stores_the_alarm_as_json_for_its_webhook(string provider)
    {
        var server = await servers.OnAsync(provider);
        var id = $"HOOK-ALARM-{provider}";
        var hook = (await (await server.Api().PostJsonAsync("/api/webhooks", """{"url":"http://127.0.0.1:9/alarms"}""")).JsonAsync(201)).GetProperty("id").GetInt64();
        var subscription = await server.SubscribeAsync($$"""{"name":"to the hook","channel":"Webhook","webhookId":{{hook}},"stations":["{{id}}"]}""");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);

        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"HighTemperature","status":"Faulted"}""");

        var row = Assert.Single(await server.WaitForRowsAsync(subscription, 1));
        Assert.Equal((DeliveryChannels.Webhook, hook, "alarm.raised", (string?)null, (string?)null), (row.Channel, row.WebhookId, row.EventType, row.Recipients, row.Subject));
        var body = JsonDocument.Parse(row.Body).RootElement;
        Assert.Equal("alarm.raised", body.GetProperty("type").GetString());
        Assert.Equal(row.DeliveryId, body.GetProperty("deliveryId").GetString());
        Assert.Equal(subscription, body.GetProperty("subscriptionId").GetInt64());
        var alarm = body.GetProperty("alarm");
        Assert.Equal((id, "ConnectorFaulted", "HighTemperature", "Major", 1), (alarm.GetProperty("stationId").GetString(), alarm.GetProperty("kind").GetString(),
            alarm.GetProperty("code").GetString(), alarm.GetProperty("severity").GetString(), alarm.GetProperty("connectorId").GetInt32()));
    }
}
