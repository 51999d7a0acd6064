using System.Text.Json;
using Iskra.Server.Demo;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Iskra.Server.Tests.Demo;

/// <summary>Demo mode: the real host with simulated stations inside, charging against its own API and database.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task Demo_stations_connect_and_charge_with_meter_values()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:SessionScale"] = "0.01",
            ["Demo:MeterValueSeconds"] = "1",
            ["Billing:RunningCostInterval"] = "00:00:01",
        });
        using var api = server.Api();
        var ct = TestContext.Current.CancellationToken;
        var ids = DemoStation.All.Select(s => s.Id).ToList();

        var connected = await EventuallyAsync(async () =>
        {
            var page = await (await api.GetAsync("/api/stations?connected=true", ct)).JsonAsync(200);
            var live = page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
            return ids.All(live.Contains) ? page : (JsonElement?)null;
        });
        Assert.All(connected.GetProperty("items").EnumerateArray(), s => Assert.Equal("Accepted", s.GetProperty("registrationStatus").GetString()));

        var withMeterValues = await EventuallyAsync(async () =>
        {
            var list = await (await api.GetAsync("/api/transactions", ct)).JsonAsync(200);
            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                var single = await (await api.GetAsync($"/api/transactions/{item.GetProperty("id").GetInt64()}", ct)).JsonAsync(200);
                if (single.GetProperty("meterValues").GetArrayLength() > 0)
                {
                    return single;
                }
            }

            return (JsonElement?)null;
        });
        Assert.Contains(withMeterValues.GetProperty("idTag").GetString(), DemoStation.Cards);
        Assert.Contains(withMeterValues.GetProperty("stationId").GetString(), ids);

        // The demo tariff prices every demo session: a running cost while it charges, a record once it ends.
        var tariff = await (await api.GetAsync($"/api/tariffs/{DemoRegistration.TariffId}", ct)).JsonAsync(200);
        Assert.Equal("EUR", tariff.GetProperty("currency").GetString());
        var running = await EventuallyAsync(async () =>
        {
            var list = await (await api.GetAsync("/api/transactions?active=true", ct)).JsonAsync(200);
            return list.GetProperty("items").EnumerateArray().FirstOrDefault(t => t.GetProperty("cost").ValueKind == JsonValueKind.Object) is { ValueKind: JsonValueKind.Object } priced ? priced : (JsonElement?)null;
        });
        Assert.False(running.GetProperty("cost").GetProperty("final").GetBoolean());
        var record = await EventuallyAsync(async () =>
        {
            var cdrs = await (await api.GetAsync("/api/cdrs", ct)).JsonAsync(200);
            return cdrs.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first ? first : (JsonElement?)null;
        });
        Assert.Equal(DemoRegistration.TariffId, record.GetProperty("tariffId").GetString());
        Assert.True(record.GetProperty("amount").GetDecimal() >= 0.60m, record.ToString()); // the 0.50 session fee with VAT at least

        var tags = await (await api.GetAsync("/api/id-tags", ct)).JsonAsync(200);
        var values = tags.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("idTag").GetString()).ToList();
        Assert.All(DemoStation.Cards, card => Assert.Contains(card, values));
        var demo = server.Services.GetRequiredService<DemoService>();
        foreach (var station in demo.Host.Stations)
        {
            await Simulator.SimulatedStations.AssertSentFramesValidAsync(station);
        }
    }

    [Fact]
    public void The_demo_flag_switches_demo_mode_on_and_without_it_there_is_none()
    {
        var withFlag = IskraHost.Build(["--demo", "--urls", "http://127.0.0.1:0"]);
        Assert.Equal("true", withFlag.Configuration["Demo:Enabled"]);
        Assert.Contains(withFlag.Services.GetServices<IHostedService>(), s => s is DemoService);

        var without = IskraHost.Build(["--urls", "http://127.0.0.1:0"]);
        Assert.Null(without.Services.GetService<DemoService>());
    }

    [Theory]
    [InlineData("http://127.0.0.1:8180", "ws://127.0.0.1:8180/ocpp")]
    [InlineData("https://localhost:8443;http://[::]:8180", "ws://localhost:8180/ocpp")]
    [InlineData("https://+:8443", "wss://localhost:8443/ocpp")]
    [InlineData("http://0.0.0.0:80", "ws://localhost/ocpp")]
    public void The_stations_connect_to_the_servers_own_address(string addresses, string expected)
    {
        Assert.Equal(new Uri(expected), DemoService.OcppEndpoint(addresses.Split(';')));
    }

    /// <summary>Polls <paramref name="probe"/> every 250 ms for up to 15 s until it yields a value.</summary>
    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "the demo did not get there within 15 s");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
