using Iskra.Csms.Integration;
using Iskra.Csms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Integration;

/// <summary>Lab runs recorded in the catalog and judged by the policy (docs/decisions/010-catalog-policy.md), over a real SQLite file.</summary>
public sealed class CatalogServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_run_that_passes_Core_adds_the_model_as_integrated_with_its_firmware_run_and_profiles()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var outcome = Runs.Of("ACME", "X1", "2.2.0", Runs.Core(), new FeatureProfileResult("SmartCharging", 3, 1, 0, 0));

        var recorded = await csms.Get<CatalogService>().RecordRunAsync(outcome, Ct);

        Assert.Equal((true, (CatalogStatus?)null, CatalogStatus.Integrated, false), (recorded.PassedPolicy, recorded.StatusBefore, recorded.StatusAfter, recorded.AlreadyRecorded));
        await using var db = await csms.DbAsync();
        var model = await db.CatalogModels.Include(m => m.Runs).ThenInclude(r => r.Profiles).SingleAsync(Ct);
        Assert.Equal(("ACME", "X1", CatalogStatus.Integrated), (model.Vendor, model.Model, model.Status));
        var run = Assert.Single(model.Runs);
        Assert.Equal((outcome.RunId, "LAB-1", "2.2.0", "1.6", true), (run.RunId, run.StationId, run.FirmwareVersion, run.OcppVersion, run.Passed));
        Assert.Equal(["Core:12/0/0/1", "SmartCharging:3/1/0/0"], run.Profiles.OrderBy(p => p.Profile).Select(p => $"{p.Profile}:{p.Passed}/{p.Failed}/{p.Skipped}/{p.NotApplicable}"));
        Assert.Equal(["Core"], CatalogPolicy.ProfilesPassed(model));
    }

    [Theory]
    [InlineData(11, 1, 0)] // a failed case
    [InlineData(11, 0, 1)] // a skipped case is not a passed one
    [InlineData(0, 0, 0)] // nothing applicable ran
    public async Task A_run_that_does_not_pass_every_applicable_Core_case_leaves_a_new_model_testing(int passed, int failed, int skipped)
    {
        await using var csms = await CsmsHarness.StartAsync();

        var recorded = await csms.Get<CatalogService>().RecordRunAsync(Runs.Of("ACME", "X1", "2.2.0", Runs.Core(passed, failed, skipped)), Ct);

        Assert.False(recorded.PassedPolicy);
        Assert.Equal(CatalogStatus.Testing, recorded.StatusAfter);
        await using var db = await csms.DbAsync();
        Assert.Equal(CatalogStatus.Testing, (await db.CatalogModels.SingleAsync(Ct)).Status);
        Assert.False((await db.CatalogRuns.SingleAsync(Ct)).Passed);
    }

    [Fact]
    public async Task A_run_without_a_required_profile_fails_the_policy()
    {
        await using var csms = await CsmsHarness.StartAsync();

        var recorded = await csms.Get<CatalogService>().RecordRunAsync(Runs.Of("ACME", "X1", "2.2.0", new FeatureProfileResult("SmartCharging", 5, 0, 0, 0)), Ct);

        Assert.Equal((false, CatalogStatus.Testing), (recorded.PassedPolicy, recorded.StatusAfter));
    }

    [Fact]
    public async Task The_required_profiles_come_from_the_Catalog_configuration()
    {
        await using var csms = await CsmsHarness.StartAsync(new() { ["Catalog:RequiredProfiles:0"] = "Core", ["Catalog:RequiredProfiles:1"] = "SmartCharging" });
        var catalog = csms.Get<CatalogService>();

        var coreOnly = await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.0", Runs.Core()), Ct);
        var both = await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.1", Runs.Core(), new FeatureProfileResult("smartcharging", 4, 0, 0, 2)), Ct);

        Assert.Equal((false, CatalogStatus.Testing), (coreOnly.PassedPolicy, coreOnly.StatusAfter));
        Assert.Equal((true, CatalogStatus.Testing, CatalogStatus.Integrated), (both.PassedPolicy, both.StatusBefore, both.StatusAfter));
    }

    [Fact]
    public async Task Vendor_and_model_match_without_case_and_surrounding_spaces()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var catalog = csms.Get<CatalogService>();

        var first = await catalog.RecordRunAsync(Runs.Of(" Acme ", "x1", "2.2.0", Runs.Core(failed: 1)), Ct);
        var second = await catalog.RecordRunAsync(Runs.Of("ACME", " X1", "2.2.1", Runs.Core()), Ct);

        Assert.Equal(first.ModelId, second.ModelId);
        await using var db = await csms.DbAsync();
        var model = await db.CatalogModels.SingleAsync(Ct);
        Assert.Equal(("Acme", "x1", CatalogStatus.Integrated), (model.Vendor, model.Model, model.Status));
        Assert.Equal(ModelAdmissionKind.Admitted, catalog.Decide("aCmE", "X1 ", "2.2.1").Kind);
    }

    [Fact]
    public async Task A_failing_run_keeps_an_integrated_model_integrated_and_its_firmware_is_no_longer_admitted_untested()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var catalog = csms.Get<CatalogService>();
        await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.0", Runs.Core()), Ct);
        var failing = Runs.Of("ACME", "X1", "2.3.0", Runs.Core(failed: 2));

        var recorded = await catalog.RecordRunAsync(failing, Ct);

        Assert.Equal((false, CatalogStatus.Integrated, CatalogStatus.Integrated), (recorded.PassedPolicy, recorded.StatusBefore, recorded.StatusAfter));
        var decision = catalog.Decide("ACME", "X1", "2.3.0");
        Assert.Equal(ModelAdmissionKind.FirmwareOutsideTested, decision.Kind);
        Assert.Equal($"firmware 2.3.0 of ACME X1 failed its latest lab run ({failing.RunId}); tested: 2.2.0", decision.Reason);
        Assert.Equal(ModelAdmissionKind.Admitted, catalog.Decide("ACME", "X1", "2.2.0").Kind);
    }

    [Fact]
    public async Task A_later_failing_run_of_a_firmware_that_passed_takes_it_out_of_the_tested_versions()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var catalog = csms.Get<CatalogService>();
        await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.0", Runs.Core()), Ct);
        await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.1", Runs.Core()), Ct);
        await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.0", Runs.Core(failed: 1)), Ct);

        var decision = catalog.Decide("ACME", "X1", "2.2.0");

        Assert.Equal(ModelAdmissionKind.FirmwareOutsideTested, decision.Kind);
        Assert.Equal(["2.2.1"], decision.TestedFirmware);
    }

    [Fact]
    public async Task A_passing_run_does_not_lift_a_model_the_operator_refused()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var model = await csms.Get<CatalogEditor>().CreateAsync("ACME", "X1", CatalogStatus.Refused, ["melts connectors"], "ops (k1)", Ct);

        var recorded = await csms.Get<CatalogService>().RecordRunAsync(Runs.Of("acme", "x1", "2.2.0", Runs.Core()), Ct);

        Assert.Equal((model!.Id, true, CatalogStatus.Refused, CatalogStatus.Refused), (recorded.ModelId, recorded.PassedPolicy, recorded.StatusBefore, recorded.StatusAfter));
        Assert.Equal("Model ACME X1 is not an integrated model (status refused)", csms.Get<CatalogService>().Decide("ACME", "X1", "2.2.0").Reason);
    }

    [Fact]
    public async Task Recording_the_same_run_again_changes_nothing()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var catalog = csms.Get<CatalogService>();
        var outcome = Runs.Of("ACME", "X1", "2.2.0", Runs.Core());
        await catalog.RecordRunAsync(outcome, Ct);

        var again = await catalog.RecordRunAsync(outcome with { Profiles = [Runs.Core(failed: 3)] }, Ct);

        Assert.True(again.AlreadyRecorded);
        Assert.True(again.PassedPolicy);
        await using var db = await csms.DbAsync();
        Assert.Equal(1, await db.CatalogRuns.CountAsync(Ct));
    }

    [Fact]
    public async Task Decide_names_the_reason_for_an_unknown_model_a_testing_one_and_an_untested_firmware()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var catalog = csms.Get<CatalogService>();
        await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.1", Runs.Core()), Ct);
        await catalog.RecordRunAsync(Runs.Of("ACME", "X1", "2.2.0", Runs.Core()), Ct);
        await catalog.RecordRunAsync(Runs.Of("ACME", "Y2", "1.0", Runs.Core(failed: 1)), Ct);

        Assert.Equal(
            (ModelAdmissionKind.NotIntegrated, "Model Other Z is not in the catalog of integrated models", (CatalogStatus?)null),
            Summary(catalog.Decide("Other", "Z", "1")));
        Assert.Equal(
            (ModelAdmissionKind.NotIntegrated, "Model ACME Y2 is not an integrated model (status testing)", (CatalogStatus?)CatalogStatus.Testing),
            Summary(catalog.Decide("ACME", "Y2", "1.0")));
        Assert.Equal(
            (ModelAdmissionKind.FirmwareOutsideTested, "firmware 2.3.1 of ACME X1 was never tested; tested: 2.2.0, 2.2.1", (CatalogStatus?)CatalogStatus.Integrated),
            Summary(catalog.Decide("ACME", "X1", "2.3.1")));
        Assert.Equal(ModelAdmissionKind.Admitted, catalog.Decide("ACME", "X1", null).Kind);
    }

    [Fact]
    public async Task An_outcome_no_lab_run_can_have_is_refused_and_nothing_is_stored()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var catalog = csms.Get<CatalogService>();
        var good = Runs.Of("ACME", "X1", "2.2.0", Runs.Core());

        await Assert.ThrowsAsync<ArgumentException>(() => catalog.RecordRunAsync(good with { OcppVersion = "2.1" }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => catalog.RecordRunAsync(good with { Vendor = "  " }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => catalog.RecordRunAsync(good with { Profiles = [Runs.Core(failed: -1)] }, Ct));

        await using var db = await csms.DbAsync();
        Assert.False(await db.CatalogModels.AnyAsync(Ct));
    }

    private static (ModelAdmissionKind, string, CatalogStatus?) Summary(ModelAdmission decision) => (decision.Kind, decision.Reason, decision.Status);
}
