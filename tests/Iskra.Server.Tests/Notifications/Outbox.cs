using Iskra.Csms.Notifications;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Notifications;

/// <summary>
/// Reads what the notifier stored in the outbox, and delivers e-mail rows through the real <see cref="EmailChannel"/>
/// (one attempt each, as the outbox's delivery loop would).
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

    /// <summary>Sends <paramref name="row"/> through the e-mail channel and asserts it was delivered.</summary>
    public static async Task DeliverAsync(this IskraServer server, OutboxMessage row)
    {
        var result = await server.Services.GetRequiredService<EmailChannel>().SendAsync(row, TestContext.Current.CancellationToken);
        Assert.True(result.Delivered, result.Outcome);
        Assert.Equal("250", result.Outcome);
    }
}
