using Iskra.Csms.Notifications;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Events;

/// <summary>The outbox's own rules: the bound per destination, a channel nobody registered, and retention.</summary>
public sealed class OutboxRulesTests(OutboxServer shared) : IClassFixture<OutboxServer>
{
    private IskraServer Server => shared.Server;

    private Outbox Outbox => Server.Services.GetRequiredService<Outbox>();

    [Fact]
    public async Task Past_the_pending_bound_of_a_destination_new_messages_are_refused_and_counted()
    {
        var refused = Outbox.Refused;
        var stored = await Outbox.EnqueueAsync([.. Enumerable.Range(0, 5).Select(_ => Message("Pigeon", subscriptionId: 4711))], TestContext.Current.CancellationToken);

        Assert.Equal(2, stored);
        Assert.Equal(refused + 3, Outbox.Refused);
        Assert.False(await Outbox.EnqueueAsync(Message("Pigeon", subscriptionId: 4711), TestContext.Current.CancellationToken));
        Assert.True(await Outbox.EnqueueAsync(Message("Pigeon", subscriptionId: 4712), TestContext.Current.CancellationToken)); // another destination
        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<Iskra.Csms.Storage.IskraDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.SubscriptionId == 4711, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_message_for_a_channel_nobody_registered_stays_pending_with_no_channel()
    {
        var message = Message("Carrier", subscriptionId: 815);
        Assert.True(await Outbox.EnqueueAsync(message, TestContext.Current.CancellationToken));
        OutboxMessage? row = null;
        for (var i = 0; i < 100 && row?.LastError is null; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            await using var db = await Server.Services.GetRequiredService<IDbContextFactory<Iskra.Csms.Storage.IskraDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            row = await db.Outbox.AsNoTracking().SingleAsync(m => m.DeliveryId == message.DeliveryId, TestContext.Current.CancellationToken);
        }

        Assert.Equal((OutboxState.Pending, "no channel", 0), (row!.State, row.LastError, row.Attempts));
        Assert.True(row.NextAttemptAt > DateTimeOffset.UtcNow.AddSeconds(30));
    }

    [Fact]
    public async Task Retention_deletes_finished_messages_and_their_attempts_after_the_retention_and_keeps_the_rest()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-8);
        OutboxMessage Row(OutboxState state, DateTimeOffset at) => new()
        {
            DeliveryId = Outbox.NewDeliveryId(),
            Channel = "Archive",
            SubscriptionId = 9000,
            EventType = "alarm.raised",
            Body = "x",
            CreatedAt = at,
            NextAttemptAt = at.AddYears(1),
            ExpiresAt = at.AddYears(1),
            State = state,
            FinishedAt = state == OutboxState.Pending ? null : at,
        };

        var (delivered, failed, pending, recent) = (Row(OutboxState.Delivered, old), Row(OutboxState.Failed, old), Row(OutboxState.Pending, old), Row(OutboxState.Delivered, DateTimeOffset.UtcNow));
        await Server.SeedAsync(db => db.Outbox.AddRange(delivered, failed, pending, recent));
        await Server.SeedAsync(db => db.DeliveryAttempts.AddRange(
            new DeliveryAttempt { OutboxId = delivered.Id, At = old, Succeeded = true, Outcome = "delivered" },
            new DeliveryAttempt { OutboxId = recent.Id, At = old, Succeeded = true, Outcome = "delivered" }));

        Assert.True(await Server.Services.GetRequiredService<OutboxRetention>().PurgeAsync(TestContext.Current.CancellationToken) >= 2);

        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<Iskra.Csms.Storage.IskraDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var left = await db.Outbox.Where(m => m.SubscriptionId == 9000).Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([pending.Id, recent.Id], left.Order());
        Assert.Equal([recent.Id], await db.DeliveryAttempts.Where(a => a.OutboxId == delivered.Id || a.OutboxId == recent.Id).Select(a => a.OutboxId).ToListAsync(TestContext.Current.CancellationToken));
    }

    private static OutboxMessage Message(string channel, long subscriptionId) => new()
    {
        DeliveryId = Outbox.NewDeliveryId(),
        Channel = channel,
        SubscriptionId = subscriptionId,
        EventType = "alarm.raised",
        Body = "{}",
    };
}
