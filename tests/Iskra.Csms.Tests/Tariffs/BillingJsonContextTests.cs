using System.Text.Json;
using Iskra.Csms.Tariffs;

namespace Iskra.Csms.Tests.Tariffs;

public sealed class BillingJsonContextTests
{
    [Fact]
    public void A_tariff_is_stored_camelCase_with_OCPI_dimension_names_and_reads_back_the_same()
    {
        var json = JsonSerializer.Serialize(CdrSamples.Tariff(), BillingJsonContext.Default.TariffDefinition);

        Assert.Contains("\"vatPercent\":21", json, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"PARKING_TIME\",\"price\":2.00,\"stepSize\":900}", json, StringComparison.Ordinal);
        Assert.Contains("\"startTime\":\"22:00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"daysOfWeek\":[\"Saturday\",\"Sunday\"]", json, StringComparison.Ordinal);
        var read = JsonSerializer.Deserialize(json, BillingJsonContext.Default.TariffDefinition)!;
        Assert.Equal(json, JsonSerializer.Serialize(read, BillingJsonContext.Default.TariffDefinition));
        Assert.Equal(new TimeOnly(7, 0), read.Elements[0].Restrictions!.EndTime);
    }

    [Fact]
    public void A_session_cost_and_signed_readings_read_back_the_same()
    {
        var cost = CdrSamples.Cost() with { Flags = [CostFlags.NoMeterData] };
        var json = JsonSerializer.Serialize(cost, BillingJsonContext.Default.SessionCost);
        var signed = SignedReading.ToJson([new(CdrSamples.Start, "Transaction.Begin", "OCMF|{}|{}", "ECDSA", "OCMF", "KEY")]);

        var read = JsonSerializer.Deserialize(json, BillingJsonContext.Default.SessionCost)!;

        Assert.Equal(json, JsonSerializer.Serialize(read, BillingJsonContext.Default.SessionCost));
        Assert.Equal(CdrSamples.Start.AddHours(1), read.Periods[1].Start);
        Assert.Contains("\"amountExclVat\":7.5035", json, StringComparison.Ordinal);
        Assert.Equal(
            "[{\"timestamp\":\"2026-12-07T10:00:00+00:00\",\"context\":\"Transaction.Begin\",\"value\":\"OCMF|{}|{}\",\"signingMethod\":\"ECDSA\",\"encodingMethod\":\"OCMF\",\"publicKey\":\"KEY\"}]",
            signed);
        Assert.Equal(new SignedReading(CdrSamples.Start, "Transaction.Begin", "OCMF|{}|{}", "ECDSA", "OCMF", "KEY"), Assert.Single(SignedReading.ListFrom(signed)));
        Assert.Empty(SignedReading.ListFrom(null));
        Assert.Null(SignedReading.ToJson([]));
    }
}
