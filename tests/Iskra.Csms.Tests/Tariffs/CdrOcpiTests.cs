using System.Text.Json;
using Iskra.Csms.Tariffs;
using Iskra.Csms.Tariffs.Export;

namespace Iskra.Csms.Tests.Tariffs;

public sealed class CdrOcpiTests
{
    private static readonly OcpiParty Party = OcpiParty.Default;

    private static JsonElement Json(OcpiCdr cdr) =>
        JsonDocument.Parse(JsonSerializer.Serialize(cdr, BillingJsonContext.Default.OcpiCdr)).RootElement;

    [Fact]
    public void A_record_becomes_an_OCPI_2_2_1_CDR_with_the_spec_names_in_the_spec_order()
    {
        // OCPI 2.2.1 §10.3.1: the required fields, and the optional ones Iskra knows; nothing it does not know.
        var json = JsonSerializer.Serialize(CdrOcpi.From(CdrSamples.Record(), Party), BillingJsonContext.Default.OcpiCdr);

        Assert.Equal(
            "{\"country_code\":\"XX\",\"party_id\":\"ISK\",\"id\":\"7\","
            + "\"start_date_time\":\"2026-12-07T10:00:00Z\",\"end_date_time\":\"2026-12-07T12:00:00Z\",\"session_id\":\"42\","
            + "\"cdr_token\":{\"country_code\":\"XX\",\"party_id\":\"ISK\",\"uid\":\"04A1B2C3\",\"type\":\"RFID\",\"contract_id\":\"04A1B2C3\"},"
            + "\"auth_method\":\"WHITELIST\","
            + "\"cdr_location\":{\"id\":\"CP-1\",\"address\":\"unknown\",\"city\":\"unknown\",\"country\":\"XXX\","
            + "\"coordinates\":{\"latitude\":\"0.000000\",\"longitude\":\"0.000000\"},\"evse_uid\":\"CP-1*1\",\"evse_id\":\"XX*ISK*ECP1*1\","
            + "\"connector_id\":\"2\",\"connector_standard\":\"IEC_62196_T2\",\"connector_format\":\"SOCKET\",\"connector_power_type\":\"AC_3_PHASE\"},"
            + "\"currency\":\"EUR\","
            + "\"tariffs\":[{\"country_code\":\"XX\",\"party_id\":\"ISK\",\"id\":\"standard\",\"currency\":\"EUR\","
            + "\"min_price\":{\"excl_vat\":2,\"incl_vat\":2.42},\"max_price\":{\"excl_vat\":50,\"incl_vat\":60.5},"
            + "\"elements\":[{\"price_components\":[{\"type\":\"ENERGY\",\"price\":0.25,\"vat\":21,\"step_size\":1}],"
            + "\"restrictions\":{\"start_time\":\"22:00\",\"end_time\":\"07:00\",\"start_date\":\"2026-01-01\",\"end_date\":\"2027-01-01\","
            + "\"min_kwh\":0,\"max_kwh\":50.5,\"min_power\":3.7,\"max_power\":22,\"min_duration\":60,\"max_duration\":36000,"
            + "\"day_of_week\":[\"SATURDAY\",\"SUNDAY\"]}},"
            + "{\"price_components\":[{\"type\":\"FLAT\",\"price\":1,\"vat\":21,\"step_size\":1},{\"type\":\"ENERGY\",\"price\":0.3,\"vat\":21,\"step_size\":1},"
            + "{\"type\":\"TIME\",\"price\":1.2,\"vat\":21,\"step_size\":60},{\"type\":\"PARKING_TIME\",\"price\":2,\"vat\":21,\"step_size\":900}]}],"
            + "\"last_updated\":\"2026-12-07T10:00:00Z\"}],"
            + "\"charging_periods\":[{\"start_date_time\":\"2026-12-07T10:00:00Z\",\"dimensions\":[{\"type\":\"ENERGY\",\"volume\":7.5},{\"type\":\"TIME\",\"volume\":1}],\"tariff_id\":\"standard\"},"
            + "{\"start_date_time\":\"2026-12-07T11:00:00Z\",\"dimensions\":[{\"type\":\"ENERGY\",\"volume\":4.845},{\"type\":\"TIME\",\"volume\":0.5},{\"type\":\"PARKING_TIME\",\"volume\":0.5}],\"tariff_id\":\"standard\"}],"
            + "\"total_cost\":{\"excl_vat\":7.5035,\"incl_vat\":9.08},\"total_fixed_cost\":{\"excl_vat\":1,\"incl_vat\":1.21},"
            + "\"total_energy\":12.345,\"total_energy_cost\":{\"excl_vat\":3.7035,\"incl_vat\":4.4812},"
            + "\"total_time\":2,\"total_time_cost\":{\"excl_vat\":1.8,\"incl_vat\":2.178},"
            + "\"total_parking_time\":0.5,\"total_parking_cost\":{\"excl_vat\":1,\"incl_vat\":1.21},"
            + "\"last_updated\":\"2026-12-07T12:00:05Z\"}",
            json);
    }

    [Fact]
    public void Required_fields_have_their_types_and_the_totals_agree_with_the_record_and_the_periods()
    {
        var record = CdrSamples.Record();
        var cdr = Json(CdrOcpi.From(record, Party));

        string[] strings = ["country_code", "party_id", "id", "start_date_time", "end_date_time", "auth_method", "currency", "last_updated"];
        Assert.All(strings, name => Assert.Equal(JsonValueKind.String, cdr.GetProperty(name).ValueKind));
        Assert.All(["cdr_token", "cdr_location", "total_cost"], name => Assert.Equal(JsonValueKind.Object, cdr.GetProperty(name).ValueKind));
        Assert.All(["total_energy", "total_time"], name => Assert.Equal(JsonValueKind.Number, cdr.GetProperty(name).ValueKind));
        Assert.Equal(JsonValueKind.Array, cdr.GetProperty("charging_periods").ValueKind);
        Assert.True(cdr.GetProperty("charging_periods").GetArrayLength() >= 1); // cardinality +

        Assert.Equal(record.Amount, cdr.GetProperty("total_cost").GetProperty("incl_vat").GetDecimal());
        Assert.Equal(record.AmountExclVat, cdr.GetProperty("total_cost").GetProperty("excl_vat").GetDecimal());
        Assert.Equal(record.EnergyWh / 1000m, cdr.GetProperty("total_energy").GetDecimal());
        Assert.Equal(12.345m, cdr.GetProperty("total_energy").GetDecimal());
        Assert.Equal(2m, cdr.GetProperty("total_time").GetDecimal()); // 10:00 to 12:00
        Assert.Equal(VolumeSum(cdr, "ENERGY"), cdr.GetProperty("total_energy").GetDecimal());
        Assert.Equal(VolumeSum(cdr, "TIME") + VolumeSum(cdr, "PARKING_TIME"), cdr.GetProperty("total_time").GetDecimal());
        Assert.Equal(VolumeSum(cdr, "PARKING_TIME"), cdr.GetProperty("total_parking_time").GetDecimal());
        Assert.False(cdr.TryGetProperty("credit", out _));
        Assert.False(cdr.TryGetProperty("signed_data", out _));
        Assert.False(cdr.TryGetProperty("remark", out _));
    }

    [Fact]
    public void Period_volumes_are_rounded_to_four_decimals_and_still_add_up_to_the_totals()
    {
        // Three periods of a third of an hour each, rounded over running totals 0.3333, 0.6667, 1:
        // 0.3333 + 0.3334 + 0.3333 = 1 (OCPI 2.2.1 §16.3: four decimals); rounding each alone would give 0.9999.
        var third = 1m / 3m;
        var cost = CdrSamples.Cost() with
        {
            BilledEnergyWh = 1000m,
            ChargingHours = 1m,
            ParkingHours = 0m,
            Periods = [new(CdrSamples.Start, third, third, 0m, 1, 1, -1), new(CdrSamples.Start.AddMinutes(20), third, third, 0m, 1, 1, -1), new(CdrSamples.Start.AddMinutes(40), third, third, 0m, 1, 1, -1)],
        };

        var cdr = Json(CdrOcpi.From(CdrSamples.Record(cost), Party));

        var times = cdr.GetProperty("charging_periods").EnumerateArray().Select(p => Volume(p, "TIME")).ToArray();
        Assert.Equal([0.3333m, 0.3334m, 0.3333m], times);
        Assert.Equal(1m, cdr.GetProperty("total_time").GetDecimal());
        Assert.Equal(1m, VolumeSum(cdr, "ENERGY"));
        Assert.Equal(0m, cdr.GetProperty("total_parking_time").GetDecimal());
        Assert.All(cdr.GetProperty("charging_periods").EnumerateArray(), p => Assert.Null(Volume(p, "PARKING_TIME")));
    }

    [Fact]
    public void A_session_without_periods_gets_one_period_from_its_start_with_its_totals()
    {
        var cdr = CdrOcpi.From(CdrSamples.Record(CdrSamples.Cost() with { Periods = [] }), Party);

        var period = Assert.Single(cdr.ChargingPeriods);
        Assert.Equal(CdrSamples.Start, period.StartDateTime);
        Assert.Equal([("ENERGY", 12.345m), ("TIME", 1.5m), ("PARKING_TIME", 0.5m)], period.Dimensions.Select(d => (d.Type, d.Volume)));
    }

    [Fact]
    public void Flags_and_the_replaced_record_go_in_the_remark_and_a_session_without_id_tag_has_an_OTHER_token()
    {
        var record = CdrSamples.Record(CdrSamples.Cost() with { Flags = [CostFlags.DuplicateMeterValues, CostFlags.EnergyUnitSuspect] });
        record.CorrectsId = 5;
        record.CorrectionReason = "meter replaced";
        record.IdTag = null;

        var cdr = CdrOcpi.From(record, new OcpiParty("DE", "ABC"));

        Assert.Equal("Meter data flagged: DuplicateMeterValues,EnergyUnitSuspect; Replaces CDR 5: meter replaced", cdr.Remark);
        Assert.Equal(("DE", "ABC", "UNKNOWN", "OTHER", "UNKNOWN"), (cdr.CdrToken.CountryCode, cdr.CdrToken.PartyId, cdr.CdrToken.Uid, cdr.CdrToken.Type, cdr.CdrToken.ContractId));
        Assert.Null(cdr.Credit); // the correction itself is a normal CDR; the credit voids the original
        Assert.Equal("DE*ABC*ECP1*1", cdr.CdrLocation.EvseId);
    }

    [Fact]
    public void A_credit_CDR_repeats_the_original_with_C_appended_credit_set_and_only_total_cost_negated()
    {
        // OCPI 2.2.1 §10.2.1 Credit CDRs.
        var original = CdrSamples.Record();
        var creditedAt = CdrSamples.Start.AddDays(3);

        var credit = Json(CdrOcpi.Credit(original, creditedAt, Party));
        var normal = Json(CdrOcpi.From(original, Party));

        Assert.Equal("7-C", credit.GetProperty("id").GetString());
        Assert.True(credit.GetProperty("credit").GetBoolean());
        Assert.Equal("7", credit.GetProperty("credit_reference_id").GetString());
        Assert.Equal(-7.5035m, credit.GetProperty("total_cost").GetProperty("excl_vat").GetDecimal());
        Assert.Equal(-9.08m, credit.GetProperty("total_cost").GetProperty("incl_vat").GetDecimal());
        Assert.Equal("2026-12-10T10:00:00Z", credit.GetProperty("last_updated").GetString());
        string[] same = ["start_date_time", "end_date_time", "cdr_token", "cdr_location", "tariffs", "charging_periods", "total_energy", "total_energy_cost", "total_time"];
        Assert.All(same, name => Assert.Equal(normal.GetProperty(name).GetRawText(), credit.GetProperty(name).GetRawText()));
    }

    [Fact]
    public void Custom_site_data_fills_the_location_fields_Iskra_does_not_keep()
    {
        var site = new OcpiSite("Stationsplein 1", "Utrecht", "NLD", "52.08906", "5.11012", "IEC_62196_T2_COMBO", "CABLE", "DC", Name: "Depot", PostalCode: "3511 ED");

        var location = Json(CdrOcpi.From(CdrSamples.Record(), Party, site)).GetProperty("cdr_location");

        Assert.Equal(
            "{\"id\":\"CP-1\",\"name\":\"Depot\",\"address\":\"Stationsplein 1\",\"city\":\"Utrecht\",\"postal_code\":\"3511 ED\",\"country\":\"NLD\","
            + "\"coordinates\":{\"latitude\":\"52.08906\",\"longitude\":\"5.11012\"},\"evse_uid\":\"CP-1*1\",\"evse_id\":\"XX*ISK*ECP1*1\","
            + "\"connector_id\":\"2\",\"connector_standard\":\"IEC_62196_T2_COMBO\",\"connector_format\":\"CABLE\",\"connector_power_type\":\"DC\"}",
            location.GetRawText());
    }

    private static decimal? Volume(JsonElement period, string type) =>
        period.GetProperty("dimensions").EnumerateArray().Where(d => d.GetProperty("type").GetString() == type)
            .Select(d => (decimal?)d.GetProperty("volume").GetDecimal()).SingleOrDefault();

    private static decimal VolumeSum(JsonElement cdr, string type) =>
        cdr.GetProperty("charging_periods").EnumerateArray().Sum(p => Volume(p, type) ?? 0m);
}
