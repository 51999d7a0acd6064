using System.Text.Json;
using Iskra.Csms.DataTransfer;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Tests.Infrastructure;
using Iskra.Ocpp;

namespace Iskra.Csms.Tests.DataTransfer;

/// <summary>
/// The Open Charge Alliance's 1.6 cost display ("OCPP &amp; California Pricing Requirements" §3.1):
/// which stations it serves, and the DataTransfer it sends them.
/// </summary>
public sealed class OcaCostDisplayTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 13, 30, 15, 250, TimeSpan.FromHours(1));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The display as the CSMS registered it (as an <see cref="IVendorCostDisplay"/>).</summary>
    private static OcaCostDisplay Display(CsmsHarness csms) => csms.Get<CostDisplays>().All.OfType<OcaCostDisplay>().Single();

    [Fact]
    public async Task A_station_is_supported_only_when_its_stored_CustomDisplayCostAndPrice_is_true()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var store = csms.Get<ConfigurationStore>();
        // Keys as GetConfiguration answers store them; 1.6 keys and the boolean are case-insensitive.
        await store.RememberKeysAsync("cp-yes", [("customdisplaycostandprice", "TRUE", true)], Ct);
        await store.RememberKeysAsync("cp-no", [("CustomDisplayCostAndPrice", "false", true)], Ct);
        await store.RememberKeysAsync("cp-other", [("HeartbeatInterval", "true", false)], Ct);
        var display = Display(csms);

        Assert.True(await display.SupportsAsync("cp-yes", Ct));
        Assert.False(await display.SupportsAsync("cp-no", Ct));
        Assert.False(await display.SupportsAsync("cp-other", Ct));
        Assert.False(await display.SupportsAsync("cp-unknown", Ct));
    }

    [Fact]
    public async Task The_registry_gives_the_OCA_display_to_a_supporting_station_and_nothing_to_others()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await csms.Get<ConfigurationStore>().RememberKeysAsync("cp-yes", [("CustomDisplayCostAndPrice", "true", true)], Ct);
        var displays = csms.Get<CostDisplays>();

        Assert.Equal("org.openchargealliance.costmsg", (await displays.ForAsync("cp-yes", Ct))?.Name);
        Assert.Null(await displays.ForAsync("cp-no", Ct));
    }

    [Fact]
    public async Task RunningCost_goes_as_a_DataTransfer_whose_data_is_the_documented_JSON()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var channel = new FakeStationChannel("cp-1", OcppVersion.V16).Answer("DataTransfer", """{"status":"Accepted"}""");

        await Display(csms).SendRunningCostAsync(channel, new CostMessage("42", 3.45m, "EUR", 12345.6m, At, "ignored while running"), Ct);

        var (action, payload) = Assert.Single(channel.Sent);
        Assert.Equal("DataTransfer", action);
        Assert.Equal(("org.openchargealliance.costmsg", "RunningCost"), (payload.GetProperty("vendorId").GetString(), payload.GetProperty("messageId").GetString()));
        using var data = JsonDocument.Parse(payload.GetProperty("data").GetString()!);
        var d = data.RootElement;
        Assert.Equal(42, d.GetProperty("transactionId").GetInt32());
        Assert.Equal("2026-03-01T12:30:15.250Z", d.GetProperty("timestamp").GetString()); // 13:30:15.250+01:00 in UTC
        Assert.Equal(12346, d.GetProperty("meterValue").GetInt64()); // 12345.6 Wh rounded to whole Wh
        Assert.Equal(3.45m, d.GetProperty("cost").GetDecimal());
        Assert.Equal("Charging", d.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Object, d.GetProperty("chargingPrice").ValueKind);
        Assert.Equal(
            ["transactionId", "timestamp", "meterValue", "cost", "state", "chargingPrice"],
            d.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task RunningCost_without_a_known_energy_leaves_meterValue_out()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var channel = new FakeStationChannel("cp-1", OcppVersion.V16).Answer("DataTransfer", """{"status":"Rejected"}""");

        await Display(csms).SendRunningCostAsync(channel, new CostMessage("7", 0m, "USD", null, At, null), Ct);

        using var data = JsonDocument.Parse(Assert.Single(channel.Sent).Payload.GetProperty("data").GetString()!);
        Assert.False(data.RootElement.TryGetProperty("meterValue", out _));
        Assert.Equal(0m, data.RootElement.GetProperty("cost").GetDecimal());
    }

    [Fact]
    public async Task FinalCost_carries_the_text_or_else_the_amount_and_currency_as_priceText()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var channel = new FakeStationChannel("cp-1", OcppVersion.V16).Answer("DataTransfer", """{"status":"Accepted"}""");
        var display = Display(csms);

        await display.SendFinalCostAsync(channel, new CostMessage("42", 12.3m, "EUR", 23400m, At, null), Ct);
        await display.SendFinalCostAsync(channel, new CostMessage("42", 3.31m, "GBP", 23400m, At, "GBP 3.31, thank you"), Ct);

        Assert.Equal(2, channel.Sent.Count);
        Assert.All(channel.Sent, s => Assert.Equal("FinalCost", s.Payload.GetProperty("messageId").GetString()));
        using var first = JsonDocument.Parse(channel.Sent[0].Payload.GetProperty("data").GetString()!);
        using var second = JsonDocument.Parse(channel.Sent[1].Payload.GetProperty("data").GetString()!);
        Assert.Equal(
            ["transactionId", "cost", "priceText"],
            first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal((42, 12.3m, "12.30 EUR"), (first.RootElement.GetProperty("transactionId").GetInt32(), first.RootElement.GetProperty("cost").GetDecimal(), first.RootElement.GetProperty("priceText").GetString()));
        Assert.Equal("GBP 3.31, thank you", second.RootElement.GetProperty("priceText").GetString());
    }

    [Fact]
    public async Task It_refuses_a_2_0_1_station_and_a_transaction_id_that_is_not_a_1_6_integer()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var display = Display(csms);
        var v201 = new FakeStationChannel("cp-2", OcppVersion.V201).Answer("DataTransfer", """{"status":"Accepted"}""");
        var v16 = new FakeStationChannel("cp-1", OcppVersion.V16).Answer("DataTransfer", """{"status":"Accepted"}""");

        await Assert.ThrowsAsync<ArgumentException>(() => display.SendRunningCostAsync(v201, new CostMessage("42", 1m, "EUR", null, At, null), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => display.SendFinalCostAsync(v16, new CostMessage("tx-abc", 1m, "EUR", null, At, null), Ct));
        Assert.Empty(v201.Sent);
        Assert.Empty(v16.Sent);
    }
}
