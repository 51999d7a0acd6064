using Iskra.Csms.Authorization;
using Iskra.Csms.Tests.Infrastructure;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Transactions;

/// <summary>OCPP 2.0.1 TransactionEvent (block E) over <see cref="TransactionService"/>.</summary>
public sealed class TransactionEventTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_started_event_opens_the_transaction_with_its_token_evse_and_state()
    {
        await using var csms = await StartAsync();

        var (info, _) = await csms.Get<TransactionService>().EventAsync("cp-1", Event("Started", seqNo: 0, at: 0, chargingState: "EVConnected", idToken: "TAG-1"), Ct);

        Assert.Equal(IdTagStatus.Accepted, info?.Status);
        var tx = await TransactionAsync(csms);
        Assert.Equal(("tx-1", 1, 1, "TAG-1", "Accepted"), (tx.TransactionId, tx.EvseId, tx.ConnectorId, tx.IdTag, tx.IdTagStatus));
        Assert.Equal(("EVConnected", 0), (tx.ChargingState, tx.LastSeqNo));
        Assert.Equal(CsmsHarness.Start, tx.StartedAt);
        Assert.Null(tx.StoppedAt);
        Assert.Equal(TransactionProblems.None, tx.Problems);
    }

    [Fact]
    public async Task A_repeated_seqNo_is_a_retry_and_is_stored_once_without_changing_the_state()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        await transactions.EventAsync("cp-1", Event("Started", seqNo: 0, at: 0, chargingState: "EVConnected"), Ct);
        await transactions.EventAsync("cp-1", Event("Updated", seqNo: 1, at: 10, chargingState: "Charging"), Ct);

        await transactions.EventAsync("cp-1", Event("Updated", seqNo: 1, at: 20, chargingState: "SuspendedEV"), Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal([0, 1], await db.TransactionEvents.OrderBy(e => e.SeqNo).Select(e => e.SeqNo).ToListAsync(Ct));
        Assert.Equal("Charging", (await db.Transactions.SingleAsync(Ct)).ChargingState);
    }

    [Fact]
    public async Task Consecutive_seqNos_raise_no_gap_flag()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();

        await transactions.EventAsync("cp-1", Event("Started", seqNo: 0, at: 0), Ct);
        await transactions.EventAsync("cp-1", Event("Updated", seqNo: 1, at: 10), Ct);

        Assert.False((await TransactionAsync(csms)).Problems.HasFlag(TransactionProblems.SeqNoGap));
    }

    [Fact]
    public async Task A_skipped_seqNo_flags_a_gap()
    {
        // TransactionEventRequest.seqNo is numbered sequentially so that the CSMS can tell whether it has every message.
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();

        await transactions.EventAsync("cp-1", Event("Started", seqNo: 0, at: 0), Ct);
        await transactions.EventAsync("cp-1", Event("Updated", seqNo: 2, at: 10), Ct);

        var tx = await TransactionAsync(csms);
        Assert.True(tx.Problems.HasFlag(TransactionProblems.SeqNoGap));
        Assert.Equal(2, tx.LastSeqNo);
    }

    [Fact]
    public async Task An_offline_event_does_not_override_the_charging_state_set_by_a_live_one()
    {
        // E12: events queued while offline arrive later and may be newer in time than what is live.
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        await transactions.EventAsync("cp-1", Event("Started", seqNo: 0, at: 0, chargingState: "EVConnected"), Ct);
        await transactions.EventAsync("cp-1", Event("Updated", seqNo: 1, at: 10, chargingState: "Charging"), Ct);

        await transactions.EventAsync("cp-1", Event("Updated", seqNo: 2, at: 20, chargingState: "SuspendedEV", offline: true), Ct);

        var tx = await TransactionAsync(csms);
        Assert.Equal("Charging", tx.ChargingState);
        Assert.Equal(CsmsHarness.Start.AddSeconds(10), tx.LastLiveAt);
        Assert.True(tx.Problems.HasFlag(TransactionProblems.OfflineEvents));
    }

    [Fact]
    public async Task An_older_live_event_does_not_override_a_newer_live_state()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        await transactions.EventAsync("cp-1", Event("Started", seqNo: 0, at: 0, chargingState: "EVConnected"), Ct);
        await transactions.EventAsync("cp-1", Event("Updated", seqNo: 2, at: 20, chargingState: "SuspendedEV"), Ct);

        await transactions.EventAsync("cp-1", Event("Updated", seqNo: 1, at: 10, chargingState: "Charging"), Ct);

        Assert.Equal("SuspendedEV", (await TransactionAsync(csms)).ChargingState);
    }

    [Fact]
    public async Task Ended_sets_the_stop_time_and_an_absent_reason_means_Local()
    {
        // E06 / TransactionEventRequest.stoppedReason: "Local" when absent.
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        await transactions.EventAsync("cp-1", Event("Started", seqNo: 0, at: 0), Ct);

        await transactions.EventAsync("cp-1", Event("Ended", seqNo: 1, at: 3600), Ct);

        var tx = await TransactionAsync(csms);
        Assert.Equal(CsmsHarness.Start.AddHours(1), tx.StoppedAt);
        Assert.Equal("Local", tx.StopReason);
    }

    [Fact]
    public async Task Ended_keeps_the_stopped_reason_the_station_gave()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();
        await transactions.EventAsync("cp-1", Event("Started", seqNo: 0, at: 0), Ct);

        await transactions.EventAsync("cp-1", Event("Ended", seqNo: 1, at: 60) with { StoppedReason = "EVDisconnected" }, Ct);

        Assert.Equal("EVDisconnected", (await TransactionAsync(csms)).StopReason);
    }

    [Fact]
    public async Task Energy_runs_from_the_begin_register_to_the_end_register_in_Wh()
    {
        await using var csms = await StartAsync();
        var transactions = csms.Get<TransactionService>();

        await transactions.EventAsync("cp-1", Event("Started", seqNo: 0, at: 0) with { MeterValues = [Register(0, "1.5", "kWh", "Transaction.Begin")] }, Ct);
        await transactions.EventAsync("cp-1", Event("Updated", seqNo: 1, at: 600) with { MeterValues = [Register(600, "2500", "Wh", "Sample.Periodic")] }, Ct);
        await transactions.EventAsync("cp-1", Event("Ended", seqNo: 2, at: 1200) with { MeterValues = [Register(1200, "4", "kWh", "Transaction.End")] }, Ct);

        var tx = await TransactionAsync(csms);
        Assert.Equal((1500m, 4000m, 2500m), (tx.MeterStartWh, tx.MeterStopWh, tx.EnergyWh));
        await using var db = await csms.DbAsync();
        Assert.Equal(3, await db.MeterValues.CountAsync(v => v.TransactionDbId == tx.Id, Ct));
    }

    [Fact]
    public async Task An_update_for_an_unknown_transaction_is_stored_and_flagged()
    {
        await using var csms = await StartAsync();

        await csms.Get<TransactionService>().EventAsync("cp-1", Event("Updated", seqNo: 5, at: 0), Ct);

        var tx = await TransactionAsync(csms);
        Assert.True(tx.Problems.HasFlag(TransactionProblems.UnknownTransaction));
        Assert.Equal(5, tx.LastSeqNo);
    }

    [Fact]
    public async Task An_event_older_than_the_late_threshold_is_flagged_late()
    {
        await using var csms = await StartAsync(new() { ["Csms:LateMessageThreshold"] = "00:10:00" });
        csms.Time.Advance(TimeSpan.FromMinutes(11));

        await csms.Get<TransactionService>().EventAsync("cp-1", Event("Started", seqNo: 0, at: 0), Ct);

        Assert.Equal(TransactionProblems.LateTimestamp, (await TransactionAsync(csms)).Problems);
    }

    [Fact]
    public async Task An_unknown_token_is_answered_Invalid_and_flagged()
    {
        await using var csms = await StartAsync();

        var (info, _) = await csms.Get<TransactionService>().EventAsync("cp-1", Event("Started", seqNo: 0, at: 0, idToken: "STRANGER"), Ct);

        Assert.Equal(IdTagStatus.Invalid, info?.Status);
        Assert.Equal(TransactionProblems.UnknownIdTag | TransactionProblems.NotAuthorized, (await TransactionAsync(csms)).Problems);
    }

    private static async Task<CsmsHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var csms = await CsmsHarness.StartAsync(settings);
        await csms.SeedAsync(new IdTag { Value = "TAG-1", CreatedAt = CsmsHarness.Start });
        return csms;
    }

    private static TransactionEventInput Event(
        string type, int seqNo, int at, string? chargingState = null, bool offline = false, string? idToken = null) =>
        new(type, CsmsHarness.Start.AddSeconds(at), TriggerReason: "Authorized", seqNo, offline, "tx-1", chargingState,
            StoppedReason: null, RemoteStartId: null, idToken, idToken is null ? null : "ISO14443", EvseId: 1, ConnectorId: 1,
            ReservationId: null, MeterValues: []);

    private static MeterReading Register(int at, string value, string unit, string context) =>
        new(CsmsHarness.Start.AddSeconds(at), [new SampledReading(value, EnergyRegister.Measurand, null, unit, 0, context, "Outlet", null, null)]);

    private static async Task<ChargingTransaction> TransactionAsync(CsmsHarness csms)
    {
        await using var db = await csms.DbAsync();
        return await db.Transactions.SingleAsync(Ct);
    }
}
