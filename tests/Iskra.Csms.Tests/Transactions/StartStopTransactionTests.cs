using Iskra.Csms.Authorization;
using Iskra.Csms.Tests.Infrastructure;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Transactions;

/// <summary>OCPP 1.6 StartTransaction (§4.8) and StopTransaction (§4.10) over <see cref="TransactionService"/>.</summary>
public sealed class StartStopTransactionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retried_start_gets_the_same_transaction_id_and_creates_one_transaction()
    {
        // OCPP-J 1.6 §4.1 / 1.6 §4.8: a StartTransaction retried after a lost answer must not open a second session.
        await using var csms = await StartAsync();
        var start = Start(meterStart: 1000);

        var (first, _) = await csms.Get<TransactionService>().StartAsync("cp-1", start, Ct);
        var (second, _) = await csms.Get<TransactionService>().StartAsync("cp-1", start, Ct);

        Assert.Equal(first, second);
        await using var db = await csms.DbAsync();
        Assert.Equal(1, await db.Transactions.CountAsync(Ct));
    }

    [Fact]
    public async Task Two_copies_of_one_start_racing_each_other_still_get_one_id()
    {
        await using var csms = await StartAsync();
        var start = Start(meterStart: 1000);
        var transactions = csms.Get<TransactionService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => transactions.StartAsync("cp-1", start, Ct).AsTask()));

        Assert.Single(results.Select(r => r.TransactionId).Distinct());
        await using var db = await csms.DbAsync();
        Assert.Equal(1, await db.Transactions.CountAsync(Ct));
    }

    [Fact]
    public async Task Different_starts_get_different_positive_ids_that_are_not_sequential()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();

        var ids = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add((await transactions.StartAsync("cp-1", Start(meterStart: 1000 + i), Ct)).TransactionId);
        }

        Assert.All(ids, id => Assert.True(id > 0));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(ids.Zip(ids.Skip(1)), pair => pair.Second - pair.First != 1); // unguessable, not a counter
    }

    [Fact]
    public async Task The_same_start_on_another_station_is_a_different_transaction()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();

        var (onOne, _) = await transactions.StartAsync("cp-1", Start(meterStart: 1000), Ct);
        var (onTwo, _) = await transactions.StartAsync("cp-2", Start(meterStart: 1000), Ct);

        Assert.NotEqual(onOne, onTwo);
        await using var db = await csms.DbAsync();
        Assert.Equal(2, await db.Transactions.CountAsync(Ct));
    }

    [Fact]
    public async Task A_start_stores_the_session_with_the_authorization_outcome()
    {
        await using var csms = await StartAsync();

        var (id, info) = await csms.Get<TransactionService>().StartAsync("cp-1", Start(meterStart: 1500, connector: 2), Ct);

        Assert.Equal(IdTagStatus.Accepted, info.Status);
        await using var db = await csms.DbAsync();
        var tx = await db.Transactions.SingleAsync(Ct);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), tx.TransactionId);
        Assert.Equal((2, 2, "TAG-1", "Accepted"), (tx.EvseId, tx.ConnectorId, tx.IdTag, tx.IdTagStatus));
        Assert.Equal(1500m, tx.MeterStartWh);
        Assert.Equal(CsmsHarness.Start, tx.StartedAt);
        Assert.Equal(TransactionProblems.None, tx.Problems);
    }

    [Fact]
    public async Task A_start_with_an_unknown_id_tag_is_accepted_into_storage_and_flagged()
    {
        // 1.6 §4.8: the Central System cannot refuse a transaction; the answer carries Invalid instead.
        await using var csms = await StartAsync();

        var (_, info) = await csms.Get<TransactionService>().StartAsync("cp-1", Start(meterStart: 0, idTag: "STRANGER"), Ct);

        Assert.Equal(IdTagStatus.Invalid, info.Status);
        await using var db = await csms.DbAsync();
        var tx = await db.Transactions.SingleAsync(Ct);
        Assert.Equal(TransactionProblems.UnknownIdTag | TransactionProblems.NotAuthorized, tx.Problems);
        Assert.Equal("Invalid", tx.IdTagStatus);
    }

    [Fact]
    public async Task Stop_computes_the_energy_and_stores_the_reason_verbatim()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        var (id, _) = await transactions.StartAsync("cp-1", Start(meterStart: 1000), Ct);

        var info = await transactions.StopAsync("cp-1", Stop(id, meterStop: 3500, reason: "EVDisconnected"), Ct);

        Assert.Equal(IdTagStatus.Accepted, info?.Status);
        var tx = await SingleTransactionAsync(csms);
        Assert.Equal((1000m, 3500m, 2500m), (tx.MeterStartWh, tx.MeterStopWh, tx.EnergyWh));
        Assert.Equal("EVDisconnected", tx.StopReason);
        Assert.Equal(CsmsHarness.Start.AddHours(1), tx.StoppedAt);
        Assert.Equal(TransactionProblems.None, tx.Problems);
    }

    [Fact]
    public async Task A_stop_without_a_reason_means_Local()
    {
        // OCPP 1.6 §4.10: the Reason MAY be omitted and SHOULD then be assumed 'Local'.
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        var (id, _) = await transactions.StartAsync("cp-1", Start(meterStart: 1000), Ct);

        var info = await transactions.StopAsync("cp-1", Stop(id, meterStop: 1200, reason: null, idTag: null), Ct);

        Assert.Null(info);
        Assert.Equal("Local", (await SingleTransactionAsync(csms)).StopReason);
    }

    [Fact]
    public async Task A_repeated_stop_is_acknowledged_but_not_applied_twice()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        var (id, _) = await transactions.StartAsync("cp-1", Start(meterStart: 1000), Ct);
        await transactions.StopAsync("cp-1", Stop(id, meterStop: 3500, reason: "Remote"), Ct);

        var again = await transactions.StopAsync("cp-1", Stop(id, meterStop: 9999, reason: "Other", at: 2), Ct);

        Assert.Equal(IdTagStatus.Accepted, again?.Status);
        var tx = await SingleTransactionAsync(csms);
        Assert.Equal((3500m, 2500m, "Remote"), (tx.MeterStopWh, tx.EnergyWh, tx.StopReason));
        Assert.Equal(CsmsHarness.Start.AddHours(1), tx.StoppedAt);
    }

    [Fact]
    public async Task A_meter_stop_below_the_meter_start_is_flagged_and_no_energy_is_claimed()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        var (id, _) = await transactions.StartAsync("cp-1", Start(meterStart: 5000), Ct);

        await transactions.StopAsync("cp-1", Stop(id, meterStop: 4000), Ct);

        var tx = await SingleTransactionAsync(csms);
        Assert.True(tx.Problems.HasFlag(TransactionProblems.MeterStopBelowStart));
        Assert.Null(tx.EnergyWh);
        Assert.Equal(4000m, tx.MeterStopWh);
    }

    [Fact]
    public async Task A_stop_whose_timestamp_is_older_than_the_late_threshold_is_accepted_and_flagged_late()
    {
        await using var csms = await StartAsync(new() { ["Csms:LateMessageThreshold"] = "01:00:00" });
        var transactions = csms.Get<TransactionService>();
        var (id, _) = await transactions.StartAsync("cp-1", Start(meterStart: 1000), Ct);
        csms.Time.Advance(TimeSpan.FromHours(3)); // the stop, stamped at +1 h, arrives at +3 h

        await transactions.StopAsync("cp-1", Stop(id, meterStop: 2000), Ct);

        var tx = await SingleTransactionAsync(csms);
        Assert.Equal(TransactionProblems.LateTimestamp, tx.Problems);
        Assert.Equal(1000m, tx.EnergyWh);
    }

    [Fact]
    public async Task A_stop_inside_the_late_threshold_is_not_flagged()
    {
        await using var csms = await StartAsync(new() { ["Csms:LateMessageThreshold"] = "01:00:00" });
        var transactions = csms.Get<TransactionService>();
        var (id, _) = await transactions.StartAsync("cp-1", Start(meterStart: 1000), Ct);
        csms.Time.Advance(TimeSpan.FromHours(1.5));

        await transactions.StopAsync("cp-1", Stop(id, meterStop: 2000), Ct);

        Assert.Equal(TransactionProblems.None, (await SingleTransactionAsync(csms)).Problems);
    }

    [Fact]
    public async Task A_start_older_than_the_late_threshold_is_flagged_late()
    {
        await using var csms = await StartAsync();
        csms.Time.Advance(TimeSpan.FromHours(25)); // default threshold: 24 h

        await csms.Get<TransactionService>().StartAsync("cp-1", Start(meterStart: 0), Ct);

        Assert.Equal(TransactionProblems.LateTimestamp, (await SingleTransactionAsync(csms)).Problems);
    }

    [Fact]
    public async Task A_stop_of_an_unknown_transaction_is_stored_and_flagged()
    {
        await using var csms = await StartAsync();

        await csms.Get<TransactionService>().StopAsync("cp-1", Stop(424242, meterStop: 2000), Ct);

        var tx = await SingleTransactionAsync(csms);
        Assert.Equal("424242", tx.TransactionId);
        Assert.True(tx.Problems.HasFlag(TransactionProblems.UnknownTransaction));
        Assert.Null(tx.EnergyWh);
    }

    [Fact]
    public async Task The_transaction_data_of_a_stop_is_stored_linked_to_the_transaction()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        var (id, _) = await transactions.StartAsync("cp-1", Start(meterStart: 1000), Ct);
        var data = new[]
        {
            new MeterReading(CsmsHarness.Start.AddMinutes(30), [Sample("2.1", "kWh"), Sample("7400", "W", "Power.Active.Import")]),
        };

        await transactions.StopAsync("cp-1", Stop(id, meterStop: 3000) with { TransactionData = data }, Ct);

        await using var db = await csms.DbAsync();
        var values = await db.MeterValues.OrderBy(v => v.Id).ToListAsync(Ct);
        Assert.Equal(2, values.Count);
        var tx = await db.Transactions.SingleAsync(Ct);
        Assert.All(values, v => Assert.Equal(tx.Id, v.TransactionDbId));
        Assert.Equal(("2.1", "kWh", null), (values[0].Value, values[0].Unit, values[0].Measurand));
        Assert.Equal(2000m, tx.EnergyWh); // the stop's meterStop is the final word
    }

    private static async Task<CsmsHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var csms = await CsmsHarness.StartAsync(settings);
        await csms.SeedAsync(new IdTag { Value = "TAG-1", CreatedAt = CsmsHarness.Start });
        return csms;
    }

    private static StartTransactionInput Start(int meterStart, int connector = 1, string idTag = "TAG-1") =>
        new(connector, idTag, meterStart, CsmsHarness.Start, ReservationId: null);

    private static StopTransactionInput Stop(int id, int meterStop, string? reason = null, string? idTag = "TAG-1", int at = 1) =>
        new(id, idTag, meterStop, CsmsHarness.Start.AddHours(at), reason, []);

    private static SampledReading Sample(string value, string unit, string? measurand = null) =>
        new(value, measurand, null, unit, 0, "Sample.Periodic", null, null, null);

    private static async Task<ChargingTransaction> SingleTransactionAsync(CsmsHarness csms)
    {
        await using var db = await csms.DbAsync();
        return await db.Transactions.SingleAsync(Ct);
    }
}
