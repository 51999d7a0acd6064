using Iskra.Csms.Alarms;
using Iskra.Csms.Integration;
using Iskra.Csms.Stations;
using Iskra.Csms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Integration;

/// <summary>The catalog on the boot path (<see cref="StationService.BootAsync"/>, shared by both versions), over a real SQLite file.</summary>
public sealed class CatalogBootGateTests
{
    private static readonly Dictionary<string, string?> IntegratedOnly = new() { ["Catalog:IntegratedOnly"] = "true" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BootInfo Boot(string vendor, string model, string? firmware) => new(vendor, model, "SN", firmware, null, null, null, null, null, null);

    [Fact]
    public async Task With_IntegratedOnly_a_model_still_testing_is_answered_Pending_with_one_alarm_that_says_why()
    {
        await using var csms = await CsmsHarness.StartAsync(IntegratedOnly);
        await csms.SeedAsync(new Station { Id = "cp-1", CreatedAt = CsmsHarness.Start });
        await csms.Get<CatalogService>().RecordRunAsync(Runs.Of("ACME", "X1", "2.2.0", Runs.Core(failed: 1)), Ct);
        var stations = csms.Get<StationService>();

        var first = await stations.BootAsync("cp-1", Boot("ACME", "X1", "2.2.0"), Ct);
        var second = await stations.BootAsync("cp-1", Boot("ACME", "X1", "2.2.0"), Ct);

        Assert.Equal((RegistrationState.Pending, RegistrationState.Pending), (first.Status, second.Status));
        await using var db = await csms.DbAsync();
        var alarm = Assert.Single(await db.Alarms.ToListAsync(Ct));
        Assert.Equal(("cp-1", "Iskra", AlarmKinds.ModelNotIntegrated, AlarmKinds.ModelNotIntegrated, 2), (alarm.StationId, alarm.Source, alarm.Kind, alarm.Code, alarm.Count));
        Assert.Equal("cp-1: Model ACME X1 is not an integrated model (status testing); boot answered Pending", alarm.Message);
        Assert.Equal(RegistrationState.Accepted, (await db.Stations.SingleAsync(Ct)).RegistrationStatus); // the operator's decision stays
    }

    [Fact]
    public async Task An_unknown_model_is_answered_as_configured_and_a_refused_one_is_Rejected()
    {
        await using var csms = await CsmsHarness.StartAsync(new() { ["Catalog:IntegratedOnly"] = "true", ["Catalog:UnknownModelAnswer"] = "Rejected" });
        await csms.SeedAsync(new Station { Id = "cp-1", CreatedAt = CsmsHarness.Start }, new Station { Id = "cp-2", CreatedAt = CsmsHarness.Start });
        await csms.Get<CatalogEditor>().CreateAsync("ACME", "Bad", CatalogStatus.Refused, [], "ops (k1)", Ct);
        var stations = csms.Get<StationService>();

        var unknown = await stations.BootAsync("cp-1", Boot("Other", "Z9", "1.0"), Ct);
        var refused = await stations.BootAsync("cp-2", Boot("acme", "bad", "1.0"), Ct);

        Assert.Equal((RegistrationState.Rejected, RegistrationState.Rejected), (unknown.Status, refused.Status));
        await using var db = await csms.DbAsync();
        Assert.Equal(
            ["cp-1: Model Other Z9 is not in the catalog of integrated models; boot answered Rejected", "cp-2: Model ACME Bad is not an integrated model (status refused); boot answered Rejected"],
            (await db.Alarms.OrderBy(a => a.StationId).ToListAsync(Ct)).Select(a => a.Message));
    }

    [Fact]
    public async Task Without_IntegratedOnly_a_model_that_is_not_integrated_is_Accepted_without_an_alarm()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await csms.SeedAsync(new Station { Id = "cp-1", CreatedAt = CsmsHarness.Start });

        var result = await csms.Get<StationService>().BootAsync("cp-1", Boot("Other", "Z9", "1.0"), Ct);

        Assert.Equal(RegistrationState.Accepted, result.Status);
        await using var db = await csms.DbAsync();
        Assert.False(await db.Alarms.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_station_the_operator_has_not_accepted_keeps_its_status_and_gets_no_catalog_alarm()
    {
        await using var csms = await CsmsHarness.StartAsync(IntegratedOnly);
        await csms.SeedAsync(new Station { Id = "cp-1", RegistrationStatus = RegistrationState.Rejected, CreatedAt = CsmsHarness.Start });

        var result = await csms.Get<StationService>().BootAsync("cp-1", Boot("Other", "Z9", "1.0"), Ct);

        Assert.Equal(RegistrationState.Rejected, result.Status);
        await using var db = await csms.DbAsync();
        Assert.False(await db.Alarms.AnyAsync(Ct));
    }

    [Fact]
    public async Task An_integrated_model_booting_with_an_untested_firmware_is_Accepted_and_flagged_once_per_station_and_once_on_the_model_until_a_tested_one_boots()
    {
        await using var csms = await CsmsHarness.StartAsync(IntegratedOnly);
        await csms.SeedAsync(new Station { Id = "cp-1", CreatedAt = CsmsHarness.Start }, new Station { Id = "cp-2", CreatedAt = CsmsHarness.Start });
        var catalog = csms.Get<CatalogService>();
        await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.0", Runs.Core()), Ct);
        await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.1", Runs.Core()), Ct);
        var stations = csms.Get<StationService>();

        var boots = new List<RegistrationState>();
        foreach (var station in new[] { "cp-1", "cp-1", "cp-2", "cp-2" })
        {
            boots.Add((await stations.BootAsync(station, Boot("ACME", "X1", "2.3.1"), Ct)).Status);
        }

        boots.Add((await stations.BootAsync("cp-1", Boot("ACME", "X1", "2.2.1"), Ct)).Status);
        Assert.All(boots, s => Assert.Equal(RegistrationState.Accepted, s));
        await using var db = await csms.DbAsync();
        var alarms = await db.Alarms.OrderBy(a => a.StationId).ToListAsync(Ct);
        Assert.Equal(["cp-1", "cp-2"], alarms.Select(a => a.StationId));
        Assert.All(alarms, a => Assert.Equal((AlarmKinds.FirmwareNotTested, 2, $"{a.StationId}: firmware 2.3.1 of ACME X1 was never tested; tested: 2.2.0, 2.2.1"), (a.Kind, a.Count, a.Message)));
        Assert.Equal([true, false], alarms.Select(a => a.ClearedAt is not null)); // cp-1 booted again with a tested firmware
        var note = Assert.Single(await db.CatalogNotes.ToListAsync(Ct));
        Assert.Equal((CatalogNote.IskraAuthor, "2.3.1"), (note.Author, note.Firmware));
        Assert.Equal("firmware 2.3.1 of ACME X1 was never tested; tested: 2.2.0, 2.2.1 (first seen on station cp-1)", note.Text);
    }

    [Fact]
    public async Task A_later_boot_with_the_same_cause_counts_on_the_open_alarm_acknowledged_or_not_and_an_admitted_boot_clears_it()
    {
        await using var csms = await CsmsHarness.StartAsync(IntegratedOnly);
        await csms.SeedAsync(new Station { Id = "cp-1", CreatedAt = CsmsHarness.Start });
        var stations = csms.Get<StationService>();
        await stations.BootAsync("cp-1", Boot("Other", "Z9", "1.0"), Ct);
        await using (var db = await csms.DbAsync())
        {
            await db.Alarms.ExecuteUpdateAsync(s => s.SetProperty(a => a.AcknowledgedAt, CsmsHarness.Start), Ct);
        }

        await stations.BootAsync("cp-1", Boot("Other", "Z9", "1.0"), Ct);
        await csms.Get<CatalogService>().RecordRunAsync(Runs.Of("Other", "Z9", "1.0", Runs.Core()), Ct);
        var admitted = await stations.BootAsync("cp-1", Boot("Other", "Z9", "1.0"), Ct);

        Assert.Equal(RegistrationState.Accepted, admitted.Status);
        await using var check = await csms.DbAsync();
        var alarm = await check.Alarms.SingleAsync(Ct);
        Assert.Equal((2, CsmsHarness.Start), (alarm.Count, alarm.AcknowledgedAt));
        Assert.NotNull(alarm.ClearedAt);
    }

    [Fact]
    public async Task A_change_made_elsewhere_is_seen_once_the_copy_in_memory_is_older_than_the_refresh_interval()
    {
        await using var csms = await CsmsHarness.StartAsync(IntegratedOnly);
        await csms.SeedAsync(new Station { Id = "cp-1", CreatedAt = CsmsHarness.Start });
        var stations = csms.Get<StationService>();
        Assert.Equal(RegistrationState.Pending, (await stations.BootAsync("cp-1", Boot("ACME", "X1", "1.0"), Ct)).Status);

        // Another node (sharing the database) integrates the model.
        await csms.SeedAsync(new CatalogModel { Vendor = "ACME", Model = "X1", Key = CatalogKeys.Of("ACME", "X1"), Status = CatalogStatus.Integrated, CreatedAt = CsmsHarness.Start, UpdatedAt = CsmsHarness.Start });
        Assert.Equal(RegistrationState.Pending, (await stations.BootAsync("cp-1", Boot("ACME", "X1", "1.0"), Ct)).Status);
        csms.Time.Advance(TimeSpan.FromMinutes(1));
        await stations.BootAsync("cp-1", Boot("ACME", "X1", "1.0"), Ct); // starts the reload, judged on the old copy

        var catalog = csms.Get<CatalogService>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (catalog.Decide("ACME", "X1", "1.0").Kind != ModelAdmissionKind.Admitted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(RegistrationState.Accepted, (await stations.BootAsync("cp-1", Boot("ACME", "X1", "1.0"), Ct)).Status);
    }
}
