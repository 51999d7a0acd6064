using System.Text.Json;
using Iskra.Csms.Alarms;
using Iskra.Csms.Integration;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;
using Iskra.Server.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Integration;

/// <summary>
/// The catalog at BootNotification over real WebSockets, with <c>Catalog:IntegratedOnly</c> on: a model that is not
/// integrated is answered Pending with an alarm saying why, an integrated one Accepted, and an untested firmware of an
/// integrated model is flagged once (docs/decisions/010-catalog-policy.md).
/// </summary>
public sealed class CatalogAdmissionTests(CatalogAdmissionTests.IntegratedOnlyServer shared) : IClassFixture<CatalogAdmissionTests.IntegratedOnlyServer>
{
    private IskraServer Server => shared.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_16_station_of_a_model_that_is_not_integrated_is_answered_Pending_with_an_alarm_saying_why()
    {
        var vendor = Pages.NewId("ACME");
        await Server.Services.GetRequiredService<CatalogService>().RecordRunAsync(Run(vendor, "X1", "2.2.0", failed: 1), Ct);
        var id = Pages.NewId("CAT");
        await Server.StationAsync(id);
        await using var station = await TestStation.ConnectAsync(Server, id, OcppVersion.V16, Seed.Password);

        var boot = await station.CallAsync("BootNotification", Boot16(vendor, "X1", "2.2.0"));

        Assert.Equal("Pending", boot.GetProperty("status").GetString());
        Assert.Equal("SecurityError", await station.CallExpectingErrorAsync("Heartbeat", "{}"));
        var alarm = Assert.Single(await Server.Api().ItemsAsync($"/api/alarms?stationId={id}"));
        Assert.Equal(AlarmKinds.ModelNotIntegrated, alarm.GetProperty("code").GetString());
        Assert.Equal($"{id}: Model {vendor} X1 is not an integrated model (status testing); boot answered Pending", alarm.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Stations_of_an_integrated_model_are_Accepted_on_both_versions_and_a_Pending_one_asked_to_boot_again_when_the_operator_integrates_its_model()
    {
        var vendor = Pages.NewId("ACME");
        await Server.Services.GetRequiredService<CatalogService>().RecordRunAsync(Run(vendor, "X1", "2.2.0"), Ct);
        var v16 = Pages.NewId("CAT");
        var v201 = Pages.NewId("CAT");
        await Server.StationAsync(v16);
        await Server.StationAsync(v201);

        await using (var station = await TestStation.ConnectAsync(Server, v16, OcppVersion.V16, Seed.Password))
        {
            Assert.Equal("Accepted", (await station.CallAsync("BootNotification", Boot16(vendor.ToUpperInvariant(), "x1", "2.2.0"))).GetProperty("status").GetString());
            await station.CallAsync("Heartbeat", "{}");
        }

        await using (var station = await TestStation.ConnectAsync(Server, v201, OcppVersion.V201, Seed.Password))
        {
            Assert.Equal("Pending", (await station.CallAsync("BootNotification", Boot201(vendor, "Y2", "1.0"))).GetProperty("status").GetString());
            var created = await (await Server.Api().PostJsonAsync("/api/catalog/models", JsonSerializer.Serialize(new { vendor, model = "Y2", status = "integrated" }))).JsonAsync(201);
            Assert.Equal("integrated", created.GetProperty("status").GetString());

            // At once, not after the Pending interval: TriggerMessage BootNotification (2.0.1 F06).
            var trigger = await station.Socket.ReceiveJsonAsync();
            Assert.Equal((2, "TriggerMessage", "BootNotification"), (trigger[0].GetInt32(), trigger[2].GetString(), trigger[3].GetProperty("requestedMessage").GetString()));
            await station.Socket.SendTextAsync($"[3,\"{trigger[1].GetString()}\",{{\"status\":\"Accepted\"}}]");
            Assert.Equal("Accepted", (await station.CallAsync("BootNotification", Boot201(vendor, "Y2", "1.0"))).GetProperty("status").GetString());
        }

        Assert.Empty(await Server.Api().ItemsAsync($"/api/alarms?stationId={v16}"));
        Assert.Single(await Server.Api().ItemsAsync($"/api/alarms?stationId={v201}"));
    }

    [Fact]
    public async Task A_lab_run_that_integrates_a_model_asks_its_Pending_16_stations_to_boot_again_and_leaves_other_models_alone()
    {
        var vendor = Pages.NewId("ACME");
        var id = Pages.NewId("CAT");
        var other = Pages.NewId("CAT");
        await Server.StationAsync(id);
        await Server.StationAsync(other);
        await using var station = await TestStation.ConnectAsync(Server, id, OcppVersion.V16, Seed.Password);
        await using var bystander = await TestStation.ConnectAsync(Server, other, OcppVersion.V16, Seed.Password);
        Assert.Equal("Pending", (await station.CallAsync("BootNotification", Boot16(vendor, "Z3", "1.0"))).GetProperty("status").GetString());
        Assert.Equal("Pending", (await bystander.CallAsync("BootNotification", Boot16(vendor, "Z4", "1.0"))).GetProperty("status").GetString());

        await Server.Services.GetRequiredService<CatalogService>().RecordRunAsync(Run(vendor, "Z3", "1.0"), Ct);

        var trigger = await station.Socket.ReceiveJsonAsync();
        Assert.Equal((2, "TriggerMessage", "BootNotification"), (trigger[0].GetInt32(), trigger[2].GetString(), trigger[3].GetProperty("requestedMessage").GetString()));
        await station.Socket.SendTextAsync($"[3,\"{trigger[1].GetString()}\",{{\"status\":\"Accepted\"}}]");
        Assert.Equal("Accepted", (await station.CallAsync("BootNotification", Boot16(vendor, "Z3", "1.0"))).GetProperty("status").GetString());

        // The bystander's next frame is the answer to its own call, not a trigger.
        Assert.Equal("Pending", (await bystander.CallAsync("BootNotification", Boot16(vendor, "Z4", "1.0"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_firmware_an_integrated_model_never_tested_raises_the_requalification_alarm_once_and_notes_it_on_the_model()
    {
        var vendor = Pages.NewId("ACME");
        var catalog = Server.Services.GetRequiredService<CatalogService>();
        var recorded = await catalog.RecordRunAsync(Run(vendor, "X1", "2.2.0"), Ct);
        await catalog.RecordRunAsync(Run(vendor, "X1", "2.2.1"), Ct);
        var id = Pages.NewId("CAT");
        await Server.StationAsync(id);
        await using var station = await TestStation.ConnectAsync(Server, id, OcppVersion.V16, Seed.Password);

        for (var boot = 0; boot < 3; boot++)
        {
            Assert.Equal("Accepted", (await station.CallAsync("BootNotification", Boot16(vendor, "X1", "2.3.1"))).GetProperty("status").GetString());
        }

        var alarm = Assert.Single(await Server.Api().ItemsAsync($"/api/alarms?stationId={id}"));
        Assert.Equal(AlarmKinds.FirmwareNotTested, alarm.GetProperty("code").GetString());
        Assert.Equal($"{id}: firmware 2.3.1 of {vendor} X1 was never tested; tested: 2.2.0, 2.2.1", alarm.GetProperty("message").GetString());
        Assert.Equal(3, alarm.GetProperty("count").GetInt32());
        var model = await (await Server.Api().GetPathAsync($"/api/catalog/models/{recorded.ModelId}")).JsonAsync(200);
        var note = Assert.Single(model.GetProperty("quirks").EnumerateArray());
        Assert.Equal(("Iskra", "2.3.1"), (note.GetProperty("author").GetString(), note.GetProperty("firmware").GetString()));
    }

    private static LabRunOutcome Run(string vendor, string model, string firmware, int failed = 0) =>
        new(Pages.NewId("run"), "LAB-1", vendor, model, firmware, "1.6", DateTimeOffset.UtcNow, [new("Core", 10, failed, 0, 0)]);

    private static string Boot16(string vendor, string model, string firmware) =>
        JsonSerializer.Serialize(new { chargePointVendor = vendor, chargePointModel = model, firmwareVersion = firmware });

    private static string Boot201(string vendor, string model, string firmware) =>
        JsonSerializer.Serialize(new { reason = "PowerUp", chargingStation = new { vendorName = vendor, model, firmwareVersion = firmware } });

    /// <summary>One server on SQLite with <c>Catalog:IntegratedOnly</c> on.</summary>
    public sealed class IntegratedOnlyServer : IAsyncLifetime
    {
        public IskraServer Server { get; private set; } = null!;

        public async ValueTask InitializeAsync() =>
            Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?> { ["Catalog:IntegratedOnly"] = "true" });

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }
}
