using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Commands;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Billing;

/// <summary>
/// Sessions priced across tariff bands on both databases, through a 1.6 station's real messages, against
/// figures computed by hand: a time-of-day boundary, a weekend, parking after charging, a minimum price,
/// and a card group's contract price. Each ends with its charge detail record.
/// </summary>
public sealed class SessionPricingTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_session_across_the_end_of_the_day_band_is_priced_per_band(string provider)
    {
        var id = "bill-tod-" + provider;
        var server = On(provider);
        await TariffAsync(server, id, """
            "currency":"EUR","vatPercent":19,"timeZone":"UTC",
            "elements":[{"priceComponents":[{"type":"ENERGY","price":0.40}],"restrictions":{"startTime":"08:00","endTime":"20:00"}},
                        {"priceComponents":[{"type":"ENERGY","price":0.25}]}]
            """);

        // Tuesday 19:00-21:00 UTC at a steady 11 kW: 11 kWh before 20:00, 11 kWh after.
        var (tx, cdr) = await SessionAsync(server, id, "2026-12-01T19:00:00Z", 1_000_000, [("2026-12-01T19:30:00Z", 1_005_500), ("2026-12-01T20:00:00Z", 1_011_000), ("2026-12-01T20:30:00Z", 1_016_500)], ("2026-12-01T21:00:00Z", 1_022_000));

        // 11 kWh × 0.40 = 4.40; 11 kWh × 0.25 = 2.75; 7.15 excl. VAT; VAT 19 % = 1.3585 → 1.36; 8.51 in all.
        AssertCost(tx, 8.51m, 7.15m, 1.36m, []);
        Assert.Equal([("ENERGY", 0, 11m, 4.40m), ("ENERGY", 1, 11m, 2.75m)], Lines(tx));
        Assert.Equal(8.51m, cdr.GetProperty("amount").GetDecimal());
        Assert.Equal(22_000m, cdr.GetProperty("energyWh").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_session_from_Friday_night_into_Saturday_gets_the_weekend_price_from_local_midnight(string provider)
    {
        var id = "bill-wkd-" + provider;
        var server = On(provider);
        await TariffAsync(server, id, """
            "currency":"EUR","vatPercent":0,"timeZone":"Europe/Berlin",
            "elements":[{"priceComponents":[{"type":"ENERGY","price":0.20}],"restrictions":{"dayOfWeek":["SATURDAY","SUNDAY"]}},
                        {"priceComponents":[{"type":"ENERGY","price":0.30}]}]
            """);

        // Friday 4 December 2026 22:00 UTC = 23:00 in Berlin; Saturday begins at 23:00 UTC. 11 kW for two hours.
        var (tx, _) = await SessionAsync(server, id, "2026-12-04T22:00:00Z", 0, [("2026-12-04T23:00:00Z", 11_000)], ("2026-12-05T00:00:00Z", 22_000));

        // Saturday 11 kWh × 0.20 = 2.20 (element 0); Friday 11 kWh × 0.30 = 3.30 (element 1); no VAT: 5.50.
        AssertCost(tx, 5.50m, 5.50m, 0m, []);
        Assert.Equal([("ENERGY", 0, 11m, 2.20m), ("ENERGY", 1, 11m, 3.30m)], Lines(tx));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Parking_after_charging_ends_is_priced_as_idle_time(string provider)
    {
        var id = "bill-idle-" + provider;
        var server = On(provider);
        await TariffAsync(server, id, """
            "currency":"EUR","vatPercent":20,"timeZone":"UTC",
            "elements":[{"priceComponents":[{"type":"ENERGY","price":0.30},{"type":"PARKING_TIME","price":2.00,"stepSize":900}]}]
            """);

        // Charges 11 kWh in the first hour, then stands for 1 h 50 min without energy: parking billed in 15-minute steps = 2 h.
        var (tx, cdr) = await SessionAsync(server, id, "2026-12-02T10:00:00Z", 500, [("2026-12-02T11:00:00Z", 11_500), ("2026-12-02T12:00:00Z", 11_500)], ("2026-12-02T12:50:00Z", 11_500));

        // 11 kWh × 0.30 = 3.30; 2 h × 2.00 = 4.00; 7.30 excl. VAT; VAT 20 % = 1.46; 8.76 in all.
        AssertCost(tx, 8.76m, 7.30m, 1.46m, []);
        Assert.Equal([("ENERGY", 0, 11m, 3.30m), ("PARKING_TIME", 0, 2m, 4.00m)], Lines(tx));
        Assert.Equal(1m, cdr.GetProperty("chargingHours").GetDecimal());
        Assert.Equal(1m + (50m / 60m), Math.Round(cdr.GetProperty("parkingHours").GetDecimal(), 6), 5);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_short_session_costs_the_minimum_price(string provider)
    {
        var id = "bill-min-" + provider;
        var server = On(provider);
        await TariffAsync(server, id, """
            "currency":"EUR","vatPercent":19,"timeZone":"UTC","minPrice":2.00,
            "elements":[{"priceComponents":[{"type":"ENERGY","price":0.30}]}]
            """);

        var (tx, _) = await SessionAsync(server, id, "2026-12-03T09:00:00Z", 0, [], ("2026-12-03T09:10:00Z", 1_000));

        // 1 kWh × 0.30 = 0.30, raised to the minimum 2.00 by a 1.70 line; VAT 19 % = 0.38; 2.38.
        AssertCost(tx, 2.38m, 2.00m, 0.38m, []);
        Assert.Equal([("ENERGY", 0, 1m, 0.30m), ("MIN_PRICE", -1, 1m, 1.70m)], Lines(tx));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_card_of_a_fleet_gets_the_fleets_contract_price_and_its_history_lists_the_session(string provider)
    {
        var id = "bill-fleet-" + provider;
        var server = On(provider);
        var fleet = "FLEET-" + provider;
        await TariffAsync(server, id, """
            "currency":"EUR","vatPercent":0,"elements":[{"priceComponents":[{"type":"ENERGY","price":0.50}]}]
            """);
        await TariffAsync(server, id, $$"""
            "currency":"EUR","vatPercent":0,"elements":[{"priceComponents":[{"type":"ENERGY","price":0.10}]}],"assignment":{"stations":["{{id}}"],"idTagGroups":["{{fleet}}"]}
            """, suffix: "-F", assign: false);
        await server.IdTagAsync(fleet);
        await server.IdTagAsync("CAR-" + provider, parent: fleet); // seeded here with its parent

        var (tx, _) = await SessionAsync(server, id, "2026-12-03T09:00:00Z", 0, [], ("2026-12-03T10:00:00Z", 10_000), idTag: "CAR-" + provider);

        AssertCost(tx, 1.00m, 1.00m, 0m, []); // 10 kWh × 0.10, the fleet's price, not 0.50
        Assert.Equal(id + "-F", tx.GetProperty("cost").GetProperty("tariffId").GetString());
        using var api = server.Api();
        var card = await (await api.GetAsync($"/api/transactions?idTag=CAR-{provider}", TestContext.Current.CancellationToken)).JsonAsync(200);
        var group = await (await api.GetAsync($"/api/transactions?idTagGroup={fleet}", TestContext.Current.CancellationToken)).JsonAsync(200);
        var cdrs = await (await api.GetAsync($"/api/cdrs?idTagGroup={fleet}", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(tx.GetProperty("id").GetInt64(), Assert.Single(card.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(tx.GetProperty("id").GetInt64(), Assert.Single(group.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(1.00m, Assert.Single(cdrs.GetProperty("items").EnumerateArray()).GetProperty("amount").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_station_without_a_tariff_has_no_cost_and_no_record(string provider)
    {
        var id = "bill-none-" + provider;
        var server = On(provider);

        var (tx, _) = await SessionAsync(server, id, "2026-12-03T09:00:00Z", 0, [], ("2026-12-03T10:00:00Z", 10_000), expectRecord: false);

        Assert.Equal(JsonValueKind.Null, tx.GetProperty("cost").ValueKind);
    }

    internal static async Task TariffAsync(IskraServer server, string stationId, string fields, string suffix = "", bool assign = true)
    {
        using var api = server.Api();
        var assignment = assign ? $$""","assignment":{"stations":["{{stationId}}"]}""" : "";
        await (await api.PostJsonAsync("/api/tariffs", $$"""{"id":"{{stationId}}{{suffix}}",{{fields}}{{assignment}}}""")).JsonAsync(201);
    }

    /// <summary>A 1.6 session with the given start, readings and stop; returns the session and its charge detail record.</summary>
    internal static async Task<(JsonElement Transaction, JsonElement Cdr)> SessionAsync(
        IskraServer server, string id, string start, int meterStart, (string At, int Wh)[] readings, (string At, int Wh) stop, string? idTag = null, bool expectRecord = true, bool inspect = true)
    {
        if (idTag is null)
        {
            idTag = id.Replace("bill-", "C-", StringComparison.Ordinal); // 1.6 idTag: at most 20 characters
            await server.IdTagAsync(idTag);
        }

        bool known;
        await using (var db = server.CreateDbContext())
        {
            known = await db.Stations.AnyAsync(s => s.Id == id, TestContext.Current.CancellationToken);
        }

        await using var station = known ? await RespondingStation.ConnectAsync(server, id, OcppVersion.V16) : await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        var started = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"{{idTag}}","meterStart":{{meterStart}},"timestamp":"{{start}}"}""");
        var transactionId = started.GetProperty("transactionId").GetInt32();
        foreach (var (at, wh) in readings)
        {
            await station.CallAsync("MeterValues", $$"""{"connectorId":1,"transactionId":{{transactionId}},"meterValue":[{"timestamp":"{{at}}","sampledValue":[{"value":"{{wh}}","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}""");
        }

        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{transactionId}},"meterStop":{{stop.Wh}},"timestamp":"{{stop.At}}","reason":"EVDisconnected"}""");
        if (!inspect)
        {
            return default;
        }

        using var api = server.Api();
        var list = await (await api.GetAsync($"/api/transactions?stationId={id}", TestContext.Current.CancellationToken)).JsonAsync(200);
        var tx = Assert.Single(list.GetProperty("items").EnumerateArray());
        var cdrs = await (await api.GetAsync($"/api/cdrs?stationId={id}", TestContext.Current.CancellationToken)).JsonAsync(200);
        if (!expectRecord)
        {
            Assert.Empty(cdrs.GetProperty("items").EnumerateArray());
            return (tx, default);
        }

        var cdr = Assert.Single(cdrs.GetProperty("items").EnumerateArray());
        Assert.Equal(tx.GetProperty("id").GetInt64(), cdr.GetProperty("transaction").GetInt64());
        Assert.Equal(transactionId, cdr.GetProperty("transactionId").GetInt32()); // SPEC §2.2: the 1.6 integer
        return (tx, cdr);
    }

    private static void AssertCost(JsonElement tx, decimal amount, decimal exclVat, decimal vat, string[] flags)
    {
        var cost = tx.GetProperty("cost");
        Assert.True(cost.ValueKind == JsonValueKind.Object, tx.ToString());
        Assert.Equal((amount, exclVat, vat, "EUR", true), (cost.GetProperty("amount").GetDecimal(), cost.GetProperty("amountExclVat").GetDecimal(), cost.GetProperty("vat").GetDecimal(),
            cost.GetProperty("currency").GetString(), cost.GetProperty("final").GetBoolean()));
        Assert.Equal(flags, cost.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToArray());
    }

    private static List<(string, int, decimal, decimal)> Lines(JsonElement tx) =>
        [.. tx.GetProperty("cost").GetProperty("breakdown").EnumerateArray().Select(l => (l.GetProperty("component").GetString()!, l.GetProperty("element").GetInt32(),
            l.GetProperty("quantity").GetDecimal(), l.GetProperty("amount").GetDecimal()))];
}
