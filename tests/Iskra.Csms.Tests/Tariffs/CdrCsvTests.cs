using Iskra.Csms.Tariffs;
using Iskra.Csms.Tariffs.Export;

namespace Iskra.Csms.Tests.Tariffs;

public sealed class CdrCsvTests
{
    private const string Header =
        "id,correctsId,issuedAt,stationId,evseId,connectorId,transactionId,idTag,idTagGroup,startedAt,stoppedAt,"
        + "energyKwh,chargingHours,parkingHours,tariffId,tariffVersion,currency,amountExclVat,vat,amount,flags,signed\r\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_header_line_then_one_CRLF_line_per_record_in_invariant_culture()
    {
        var correction = CdrSamples.Record();
        correction.Id = 8;
        correction.CorrectsId = 7;
        correction.StartedAt = new DateTimeOffset(2026, 12, 7, 11, 0, 0, 250, TimeSpan.FromHours(1)); // 10:00:00.25 UTC
        correction.EnergyWh = 12345.6m;      // 12.3456 kWh → 12.346
        correction.ChargingHours = 1m / 3m;  // 0.3333…
        correction.ParkingHours = 0m;
        correction.AmountExclVat = 1234.5m;
        correction.Vat = 0m;
        correction.Amount = 1234.5m;
        correction.IdTag = null;
        correction.IdTagGroup = null;
        var text = new StringWriter();

        CdrCsv.Write(text, [CdrSamples.Record(), correction]);

        Assert.Equal(
            Header
            + "7,,2026-12-07T12:00:05Z,CP-1,1,2,tx-42,04A1B2C3,FLEET,2026-12-07T10:00:00Z,2026-12-07T12:00:00Z,"
            + "12.345,1.5000,0.5000,standard,3,EUR,7.5035,1.5765,9.08,,no\r\n"
            + "8,7,2026-12-07T12:00:05Z,CP-1,1,2,tx-42,,,2026-12-07T10:00:00.25Z,2026-12-07T12:00:00Z,"
            + "12.346,0.3333,0.0000,standard,3,EUR,1234.50,0.00,1234.50,,no\r\n",
            text.ToString());
    }

    [Fact]
    public void A_field_with_a_comma_quote_or_line_break_is_quoted_with_its_quotes_doubled()
    {
        // RFC 4180 §2.6, §2.7.
        var cdr = CdrSamples.Record();
        cdr.IdTag = "a\"b";
        cdr.IdTagGroup = "line\nbreak";
        cdr.TariffId = "x,y";
        cdr.Flags = $"{CostFlags.RegisterWentBackwards},{CostFlags.NoMeterData}";

        var line = CdrCsv.Line(cdr);

        Assert.Equal(
            "7,,2026-12-07T12:00:05Z,CP-1,1,2,tx-42,\"a\"\"b\",\"line\nbreak\",2026-12-07T10:00:00Z,2026-12-07T12:00:00Z,"
            + "12.345,1.5000,0.5000,\"x,y\",3,EUR,7.5035,1.5765,9.08,\"RegisterWentBackwards,NoMeterData\",no\r\n",
            line);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+31612345678", "'+31612345678")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("CP=1", "CP=1")]
    [InlineData("", "")]
    public void A_text_cell_that_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe(string value, string cell)
    {
        // OWASP CSV injection: = + - @ tab and CR start a formula; the guard comes before quoting.
        Assert.Equal(cell, CdrCsv.Text(value));
    }

    [Fact]
    public void Station_supplied_station_id_and_id_tag_are_guarded_but_negative_numbers_are_not()
    {
        var cdr = CdrSamples.Record();
        cdr.StationId = "=cmd|' /C calc'!A0";
        cdr.IdTag = "@evil";
        cdr.AmountExclVat = -7.5m;
        cdr.Vat = -1.58m;
        cdr.Amount = -9.08m;

        var fields = CdrCsv.Line(cdr).TrimEnd('\r', '\n').Split(',');

        Assert.Equal("'=cmd|' /C calc'!A0", fields[3]);
        Assert.Equal("'@evil", fields[7]);
        Assert.Equal(["-7.50", "-1.58", "-9.08"], fields[17..20]);
    }

    [Fact]
    public void Signed_is_yes_only_when_the_record_has_a_signed_value()
    {
        var signed = CdrSamples.Record(signedDataJson: CdrSamples.Signed(new SignedReading(CdrSamples.Start, "Transaction.Begin", "OCMF|{}|{}")));
        var emptyArray = CdrSamples.Record(signedDataJson: "[]");
        var noValue = CdrSamples.Record(signedDataJson: "[{\"context\":\"Transaction.Begin\"}]");

        Assert.EndsWith(",yes\r\n", CdrCsv.Line(signed), StringComparison.Ordinal);
        Assert.EndsWith(",no\r\n", CdrCsv.Line(emptyArray), StringComparison.Ordinal);
        Assert.EndsWith(",no\r\n", CdrCsv.Line(noValue), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_async_writer_writes_each_line_before_it_asks_for_the_next_record()
    {
        var text = new StringWriter();
        var seenBeforeSecond = "";

        async IAsyncEnumerable<ChargeDetailRecord> Records()
        {
            yield return CdrSamples.Record();
            await Task.Yield();
            seenBeforeSecond = text.ToString();
            var second = CdrSamples.Record();
            second.Id = 8;
            yield return second;
        }

        await CdrCsv.WriteAsync(text, Records(), Ct);

        var first = CdrCsv.Line(CdrSamples.Record());
        Assert.Equal(Header + first, seenBeforeSecond);
        Assert.Equal(3, text.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith(Header + first + "8,", text.ToString(), StringComparison.Ordinal);
    }
}
