using Iskra.Csms.Notifications;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Notifications;

/// <summary>
/// Reads what the notifier stored in the outbox, and waits for the outbox's delivery loop to send it through the real
/// <see cref="EmailChannel"/> to the test's SMTP server.
/// </summary>
public static class Outbox
{
    /// <summary>Creates a subscription through the API; returns its id.</summary>
    public static async Task<long> SubscribeAsync(this IskraServer server, string json) =>
        (await (await server.Api().PostJsonAsync("/api/notification-subscriptions", json)).JsonAsync(201)).GetProperty("id").GetInt64();

    /// <summary>The outbox rows of <paramref name="subscriptionId"/>, oldest first.</summary>
    public static async Task<List<OutboxMessage>> RowsAsync(this IskraServer server, long subscriptionId)
    {
        await using var db = server.CreateDbContext();
        return await db.Outbox.AsNoTracking().Where(m => m.SubscriptionId == subscriptionId).OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until <paramref name="subscriptionId"/> has at least <paramref name="count"/> outbox rows (10 s at most).</summary>
    public static async Task<List<OutboxMessage>> WaitForRowsAsync(this IskraServer server, long subscriptionId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var rows = await server.RowsAsync(subscriptionId);
            if (rows.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(rows.Count >= count, $"subscription {subscriptionId}: {rows.Count} outbox rows, expected {count}");
                return rows;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until the outbox's delivery loop has delivered <paramref name="row"/> (10 s at most) and asserts it.</summary>
    public static async Task DeliverAsync(this IskraServer server, OutboxMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var db = server.CreateDbContext();
            var stored = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == row.Id, TestContext.Current.CancellationToken);
            if (stored.State != OutboxState.Pending || DateTime.UtcNow > deadline)
            {
                Assert.True(stored.State == OutboxState.Delivered, $"outbox row {row.Id}: {stored.State}, {stored.LastError}");
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
