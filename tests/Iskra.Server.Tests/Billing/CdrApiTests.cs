using System.Globalization;
using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Billing;

/// <summary><c>/api/cdrs</c>: corrections, export paging, formats, filters and roles.</summary>
public sealed class CdrApiTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_correction_is_a_new_record_that_names_the_old_one_and_OCPI_credits_the_old_one_first()
    {
        var id = "bill-corr";
        await SessionPricingTests.TariffAsync(Server, id, """
            "currency":"EUR","vatPercent":0,"elements":[{"priceComponents":[{"type":"ENERGY","price":0.50}]}]
            """);
        await SessionPricingTests.TariffAsync(Server, id, """
            "currency":"EUR","vatPercent":0,"elements":[{"priceComponents":[{"type":"ENERGY","price":0.20}]}]
            """, suffix: "-FIX", assign: false);
        var (tx, cdr) = await SessionPricingTests.SessionAsync(Server, id, "2026-12-03T09:00:00Z", 0, [], ("2026-12-03T10:00:00Z", 10_000));
        var original = cdr.GetProperty("id").GetInt64();
        using var api = Server.Api();
        using var viewer = await Server.ApiAsync(ApiRole.Viewer);

        await (await viewer.PostJsonAsync($"/api/cdrs/{original}/corrections", """{"reason":"wrong tariff"}""")).ProblemAsync(403);
        await (await api.PostJsonAsync($"/api/cdrs/{original}/corrections", """{"reason":"wrong tariff","tariffId":"NOPE"}""")).ProblemAsync(400);
        await (await api.PostJsonAsync($"/api/cdrs/{original}/corrections", """{"tariffId":"bill-corr-FIX"}""")).ProblemAsync(400); // reason is required
        var corrected = await (await api.PostJsonAsync($"/api/cdrs/{original}/corrections", """{"reason":"wrong tariff","tariffId":"bill-corr-FIX"}""")).JsonAsync(201);
        await (await api.PostJsonAsync($"/api/cdrs/{original}/corrections", """{"reason":"again"}""")).ProblemAsync(409);
        await (await api.PostJsonAsync("/api/cdrs/999999/corrections", """{"reason":"none"}""")).ProblemAsync(404);

        Assert.Equal(5.00m, cdr.GetProperty("amount").GetDecimal()); // 10 kWh × 0.50
        Assert.Equal((original, "wrong tariff", 2.00m, "bill-corr-FIX"), (corrected.GetProperty("correctsId").GetInt64(), corrected.GetProperty("correctionReason").GetString(),
            corrected.GetProperty("amount").GetDecimal(), corrected.GetProperty("tariffId").GetString()));
        var again = await (await api.GetAsync($"/api/cdrs/{original}", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(5.00m, again.GetProperty("amount").GetDecimal()); // the old record is unchanged
        var session = await (await api.GetAsync($"/api/transactions/{tx.GetProperty("id").GetInt64()}", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(2.00m, session.GetProperty("cost").GetProperty("amount").GetDecimal());
        using var ocpi = JsonDocument.Parse(await api.GetStringAsync($"/api/cdrs?stationId={id}&format=ocpi", TestContext.Current.CancellationToken));
        var records = ocpi.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, records.Count); // the original, the credit of the original, the correction
        Assert.Equal((5.00m, false), (records[0].GetProperty("total_cost").GetProperty("excl_vat").GetDecimal(), records[0].TryGetProperty("credit", out var c0) && c0.GetBoolean()));
        Assert.True(records[1].GetProperty("credit").GetBoolean());
        Assert.Equal(original.ToString(CultureInfo.InvariantCulture), records[1].GetProperty("credit_reference_id").GetString());
        Assert.Equal(2.00m, records[2].GetProperty("total_cost").GetProperty("excl_vat").GetDecimal());
        await using var db = Server.CreateDbContext();
        Assert.Contains(db.Audit.Where(a => a.Command == AdminActions.CdrCorrected).Select(a => a.Target), t => t == original.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_export_comes_in_pages_that_name_the_next_one_in_a_Link_header()
    {
        var id = "bill-page";
        await SessionPricingTests.TariffAsync(Server, id, """
            "currency":"EUR","vatPercent":0,"elements":[{"priceComponents":[{"type":"ENERGY","price":1.00}]}]
            """);
        for (var i = 0; i < 3; i++) // the first session adds the card C-page
        {
            await SessionPricingTests.SessionAsync(Server, id, $"2026-12-0{i + 1}T09:00:00Z", 0, [], ($"2026-12-0{i + 1}T10:00:00Z", 1000 * (i + 1)), idTag: i == 0 ? null : "C-page", inspect: false);
        }

        using var api = Server.Api();
        var amounts = new List<string>();
        var next = $"/api/cdrs?stationId={id}&format=csv&limit=2";
        var pages = 0;
        while (next is not null)
        {
            using var response = await api.GetAsync(next, TestContext.Current.CancellationToken);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            amounts.AddRange(lines[1..].Select(l => l.Split(',')[19]));
            next = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split('<', '>')[1] : null;
            pages++;
        }

        Assert.Equal(2, pages);
        Assert.Equal(["1.00", "2.00", "3.00"], amounts); // oldest first, each once
        var json = await (await api.GetAsync($"/api/cdrs?stationId={id}&limit=2", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(2, json.GetProperty("items").GetArrayLength());
        Assert.NotNull(json.GetProperty("next").GetString());
        var accepted = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/cdrs?stationId={id}") { Headers = { { "Accept", "text/csv" } } }, TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", accepted.Content.Headers.ContentType?.MediaType);
        var byPeriod = await (await api.GetAsync($"/api/cdrs?stationId={id}&from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(2.00m, Assert.Single(byPeriod.GetProperty("items").EnumerateArray()).GetProperty("amount").GetDecimal());
        var byCard = await (await api.GetAsync("/api/cdrs?idTag=C-page", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(3, byCard.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Signed_meter_values_go_into_the_record_so_a_driver_can_check_the_bill()
    {
        var id = "bill-ocmf";
        await SessionPricingTests.TariffAsync(Server, id, """
            "currency":"EUR","vatPercent":0,"elements":[{"priceComponents":[{"type":"ENERGY","price":1.00}]}]
            """);
        await Server.IdTagAsync("C-OCMF");
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V16);
        const string Begin = """OCMF|{\"RD\":[{\"TM\":\"2026-12-03T09:00:00,000+0000 S\",\"RV\":0.000,\"RU\":\"kWh\"}]}|{\"SD\":\"3045AB\"}"""; // as it stands in the JSON
        const string End = """OCMF|{\"RD\":[{\"TM\":\"2026-12-03T10:00:00,000+0000 S\",\"RV\":2.000,\"RU\":\"kWh\"}]}|{\"SD\":\"3045CD\"}""";
        var started = await station.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"C-OCMF","meterStart":0,"timestamp":"2026-12-03T09:00:00Z"}""");
        var transactionId = started.GetProperty("transactionId").GetInt32();
        await station.CallAsync("MeterValues", $$"""{"connectorId":1,"transactionId":{{transactionId}},"meterValue":[{"timestamp":"2026-12-03T09:00:00Z","sampledValue":[{"value":"{{Begin}}","format":"SignedData","context":"Transaction.Begin"}]}]}""");
        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{transactionId}},"meterStop":2000,"timestamp":"2026-12-03T10:00:00Z","transactionData":[{"timestamp":"2026-12-03T10:00:00Z","sampledValue":[{"value":"{{End}}","format":"SignedData","context":"Transaction.End"}]}]}""");

        using var api = Server.Api();
        var cdr = Assert.Single((await (await api.GetAsync($"/api/cdrs?stationId={id}", TestContext.Current.CancellationToken)).JsonAsync(200)).GetProperty("items").EnumerateArray());
        var signed = cdr.GetProperty("signedData").EnumerateArray().ToList();
        Assert.Equal(2.00m, cdr.GetProperty("amount").GetDecimal()); // the signed values are kept, not read as registers
        Assert.Equal([("Transaction.Begin", Begin.Replace("\\", "", StringComparison.Ordinal)), ("Transaction.End", End.Replace("\\", "", StringComparison.Ordinal))],
            signed.Select(v => (v.GetProperty("context").GetString(), v.GetProperty("value").GetString())).ToList());
        using var ocpi = JsonDocument.Parse(await api.GetStringAsync($"/api/cdrs?stationId={id}&format=ocpi", TestContext.Current.CancellationToken));
        var signedData = Assert.Single(ocpi.RootElement.EnumerateArray()).GetProperty("signed_data");
        Assert.Equal("OCMF", signedData.GetProperty("encoding_method").GetString());
        Assert.Equal(2, signedData.GetProperty("signed_values").GetArrayLength());
        var csv = await api.GetStringAsync($"/api/cdrs?stationId={id}&format=csv", TestContext.Current.CancellationToken);
        Assert.EndsWith(",yes", csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/cdrs?format=xml", 400)]
    [InlineData("/api/cdrs?format=csv&limit=0", 400)]
    [InlineData("/api/cdrs?format=csv&limit=5001", 400)]
    [InlineData("/api/cdrs?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", 400)]
    [InlineData("/api/cdrs?cursor=nonsense", 400)]
    [InlineData("/api/cdrs/987654", 404)]
    public async Task A_bad_query_gets_a_problem(string path, int status)
    {
        using var api = Server.Api();

        await (await api.GetAsync(path, TestContext.Current.CancellationToken)).ProblemAsync(status);
    }
}
