using System.Text.Json;
using Iskra.Csms.Events;
using Iskra.Csms.Tariffs;
using Iskra.Csms.Transactions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Iskra.Csms.Tests.Tariffs;

/// <summary>A session's cost travels with its transaction events: the running cost, then the final one.</summary>
public sealed class CostEventTests
{
    [Fact]
    public void A_priced_session_publishes_its_cost_with_the_transaction_event()
    {
        using var events = new CsmsEvents(new FakeTimeProvider(), Options.Create(new EventsOptions()), startFanOut: true);
        using var subscription = events.Subscribe();
        var cost = new SessionCost(1.19m, 1.00m, 0.19m, "EUR", 10m, 0.01m, 0m,
            [new CostLine("ENERGY", 0, 0.01m, "kWh", 0.30m, 0.0030m), new CostLine("FLAT", 0, 1, "session", 1.00m, 1.00m)],
            [new CostPeriod(DateTimeOffset.UnixEpoch, 0.01m, 0.01m, 0, 0, -1, -1)], false, [CostFlags.DuplicateMeterValues]);
        var tx = new ChargingTransaction { Id = 7, StationId = "cp-1", TransactionId = "42", TariffId = "T", TariffVersion = 2, Cost = cost.Amount, CostJson = TransactionCost.Write(cost) };

        events.Transaction(CsmsEventTypes.TransactionCost, tx);

        Assert.True(SpinWait.SpinUntil(() => subscription.Reader.Count > 0, TimeSpan.FromSeconds(5)));
        Assert.True(subscription.TryTake(out var e, out _));
        var data = e.Data.GetProperty("cost");
        Assert.Equal((1.19m, "EUR", false, "T", 2), (data.GetProperty("amount").GetDecimal(), data.GetProperty("currency").GetString(), data.GetProperty("final").GetBoolean(),
            data.GetProperty("tariffId").GetString(), data.GetProperty("tariffVersion").GetInt32()));
        Assert.Equal("""["DuplicateMeterValues"]""", data.GetProperty("flags").GetRawText());
        Assert.Equal(JsonValueKind.Array, data.GetProperty("breakdown").ValueKind);
    }
}
