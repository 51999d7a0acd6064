using System.Text.Json;
using Iskra.Csms.Integration.Passive;
using Iskra.Csms.Routing;
using Iskra.Csms.Tests.Infrastructure;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Integration;

/// <summary>
/// The passive checks of one connection over the real CSMS services and a fake clock: nothing allocated
/// for a healthy message, deadlines on the clock, and nothing judged while the lab holds the station.
/// </summary>
public sealed class PassiveWatchTests
{
    private static readonly RpcReply MeterValuesAnswer = RpcReply.Result(new MeterValuesResponse(), V16JsonContext.Default.MeterValuesResponse);

    [Fact]
    public async Task A_healthy_MeterValues_call_costs_the_watch_no_allocation()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var watch = csms.Get<PassiveFindings>().Open("alloc-1", OcppVersion.V16)!;
        using var payload = JsonDocument.Parse("""
            {"connectorId":1,"transactionId":7,"meterValue":[{"timestamp":"2026-03-01T12:00:00.000Z","sampledValue":[
              {"value":"52000","measurand":"Energy.Active.Import.Register","unit":"Wh","context":"Sample.Periodic"},
              {"value":"11000.0","measurand":"Power.Active.Import","unit":"W"},
              {"value":"16.0","measurand":"Current.Import","unit":"A","phase":"L1"}]}]}
            """);
        var call = new RpcCall("m-1", "MeterValues", payload.RootElement);
        watch.OnCall(call, MeterValuesAnswer); // the transaction's slot is made once

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            watch.OnCall(call, MeterValuesAnswer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task No_status_after_an_accepted_boot_is_found_when_the_fake_clock_passes_the_deadline()
    {
        await using var csms = await CsmsHarness.StartAsync(new() { ["Passive:StatusAfterBootTimeout"] = "00:00:30" });
        var findings = csms.Get<PassiveFindings>();
        var watch = findings.Open("boot-1", OcppVersion.V16)!;
        Boot(watch, csms);

        csms.Time.Advance(TimeSpan.FromSeconds(29));
        findings.Sweep();
        csms.Time.Advance(TimeSpan.FromSeconds(2));
        findings.Sweep();

        var row = await RowAsync(csms, "boot-1", "passive/no-status-after-boot");
        Assert.Equal("no StatusNotification within 30 s of the accepted BootNotification", row.Observed);
        Assert.Equal(("Iskra", "Bench"), (row.Vendor, row.Model));
        Assert.Equal(1, row.Count);
    }

    [Fact]
    public async Task A_claimed_station_s_deadlines_are_dropped_unjudged()
    {
        await using var csms = await CsmsHarness.StartAsync(new() { ["Passive:StatusAfterBootTimeout"] = "00:00:30" });
        var findings = csms.Get<PassiveFindings>();
        var watch = findings.Open("claimed-1", OcppVersion.V16)!;
        Boot(watch, csms);
        var claim = new LabClaim();
        Assert.True(csms.Get<StationClaims>().TryClaim("claimed-1", claim, out _));

        csms.Time.Advance(TimeSpan.FromMinutes(2));
        findings.Sweep();
        csms.Get<StationClaims>().Release("claimed-1", claim);
        findings.Sweep();
        await csms.Writer.WriteAsync(0, static (_, _, _) => ValueTask.FromResult(0), TestContext.Current.CancellationToken); // what was queued is committed

        await using var db = await csms.DbAsync();
        Assert.False(await db.Findings.AnyAsync(f => f.StationId == "claimed-1", TestContext.Current.CancellationToken));
    }

    private static void Boot(StationWatch watch, CsmsHarness csms)
    {
        using var boot = JsonDocument.Parse("""{"chargePointVendor":"Iskra","chargePointModel":"Bench"}""");
        var answer = new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = csms.Time.GetUtcNow(), Interval = 300 };
        watch.OnCall(new RpcCall("b-1", "BootNotification", boot.RootElement.Clone()), RpcReply.Result(answer, V16JsonContext.Default.BootNotificationResponse));
    }

    private static async Task<Iskra.Csms.Integration.StationFinding> RowAsync(CsmsHarness csms, string stationId, string check)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = await csms.DbAsync();
            if (await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.StationId == stationId && f.Check == check, TestContext.Current.CancellationToken) is { } row)
            {
                return row;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new Xunit.Sdk.XunitException($"no {check} on {stationId}");
    }

    private sealed class LabClaim : IStationClaim
    {
        public string Owner => "test";

        public string Reference => "run-1";

        public ValueTask<RpcReply> HandleAsync(RpcCall request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RpcReply.Error(OcppErrorCode.NotSupported, "claimed"));

        public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
        {
        }
    }
}
