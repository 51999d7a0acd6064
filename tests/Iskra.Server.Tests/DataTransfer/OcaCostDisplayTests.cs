using System.Text.Json;
using Iskra.Csms.DataTransfer;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Routing;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.DataTransfer;

/// <summary>
/// The Open Charge Alliance's 1.6 cost messages (org.openchargealliance.costmsg) sent by the real host
/// to a station on loopback: chosen from the stored CustomDisplayCostAndPrice key, and valid against the
/// official 1.6 DataTransfer schema (the <see cref="RespondingStation"/> checks every CALL it receives).
/// </summary>
public sealed class OcaCostDisplayTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_station_that_declares_the_extension_receives_running_and_final_cost_as_valid_DataTransfers(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        await using var station = await RespondingStation.StartAsync(server, "OCA-16", OcppVersion.V16);
        await using var plain = await RespondingStation.StartAsync(server, "PLAIN-16", OcppVersion.V16);
        station.Answer("DataTransfer", """{"status":"Accepted"}""");
        await server.SeedAsync(db => db.ConfigurationKeys.Add(new StationConfigurationKey
        {
            StationId = "OCA-16",
            Key = "CustomDisplayCostAndPrice",
            Value = "true",
            Readonly = true,
            UpdatedAt = DateTimeOffset.UtcNow,
        }));
        var displays = server.Services.GetRequiredService<CostDisplays>();
        Assert.Null(await displays.ForAsync("PLAIN-16", ct));
        var display = await displays.ForAsync("OCA-16", ct);
        Assert.NotNull(display);
        Assert.True(server.Services.GetRequiredService<IStationChannels>().TryGetChannel("OCA-16", out var channel));
        var at = new DateTimeOffset(2026, 12, 7, 20, 15, 0, TimeSpan.Zero);

        await display.SendRunningCostAsync(channel, new CostMessage("17", 4.56m, "USD", 8000m, at, null), ct);
        await display.SendFinalCostAsync(channel, new CostMessage("17", 5.10m, "USD", 9000m, at, "Total $5.10"), ct);

        var calls = station.Received.Where(c => c.Action == "DataTransfer").ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Empty(c.SchemaErrors));
        Assert.Equal(
            [("org.openchargealliance.costmsg", "RunningCost"), ("org.openchargealliance.costmsg", "FinalCost")],
            calls.Select(c => (c.Payload.GetProperty("vendorId").GetString(), c.Payload.GetProperty("messageId").GetString())));
        using var running = JsonDocument.Parse(calls[0].Payload.GetProperty("data").GetString()!);
        Assert.Equal(
            """{"transactionId":17,"timestamp":"2026-12-07T20:15:00.000Z","meterValue":8000,"cost":4.56,"state":"Charging","chargingPrice":{}}""",
            running.RootElement.GetRawText());
        using var final = JsonDocument.Parse(calls[1].Payload.GetProperty("data").GetString()!);
        Assert.Equal("""{"transactionId":17,"cost":5.10,"priceText":"Total $5.10"}""", final.RootElement.GetRawText());
        Assert.DoesNotContain(plain.Received, c => c.Action == "DataTransfer");
    }
}
