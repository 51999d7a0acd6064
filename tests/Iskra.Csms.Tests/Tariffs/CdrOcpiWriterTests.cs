using System.Text;
using System.Text.Json;
using Iskra.Csms.Tariffs;
using Iskra.Csms.Tariffs.Export;

namespace Iskra.Csms.Tests.Tariffs;

public sealed class CdrOcpiWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_are_written_as_one_JSON_array_with_a_credit_CDR_before_each_correction()
    {
        // OCPI 2.2.1 §10.2.1: the credit CDR voids the original; the correction follows as a new CDR.
        var original = CdrSamples.Record();
        var correction = CdrSamples.Record();
        correction.Id = 8;
        correction.CorrectsId = 7;
        correction.IssuedAt = CdrSamples.Start.AddDays(1);
        var stream = new MemoryStream();

        await CdrOcpiWriter.WriteAsync(
            stream,
            CdrSamples.Async(original, correction),
            OcpiParty.Default,
            (id, _) => ValueTask.FromResult(id == 7 ? original : null),
            Ct);

        using var json = JsonDocument.Parse(stream.ToArray());
        var cdrs = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["7", "7-C", "8"], cdrs.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("2026-12-08T10:00:00Z", cdrs[1].GetProperty("last_updated").GetString());
        Assert.Equal(-9.08m, cdrs[1].GetProperty("total_cost").GetProperty("incl_vat").GetDecimal());
        Assert.False(cdrs[2].TryGetProperty("credit", out _));
        Assert.Equal(9.08m, cdrs[2].GetProperty("total_cost").GetProperty("incl_vat").GetDecimal());
    }

    [Fact]
    public async Task A_correction_whose_original_is_not_found_is_written_alone_and_an_empty_export_is_an_empty_array()
    {
        var correction = CdrSamples.Record();
        correction.CorrectsId = 3;
        var one = new MemoryStream();
        var none = new MemoryStream();

        await CdrOcpiWriter.WriteAsync(one, CdrSamples.Async(correction), OcpiParty.Default, null, Ct);
        await CdrOcpiWriter.WriteAsync(none, CdrSamples.Async<OcpiCdr>(), Ct);

        using var json = JsonDocument.Parse(one.ToArray());
        Assert.Equal(["7"], json.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("[]", Encoding.UTF8.GetString(none.ToArray()));
    }

    [Fact]
    public async Task A_long_export_reaches_the_stream_while_records_are_still_coming()
    {
        // One CDR is about 2 KB: forty of them pass the 16 KB flush threshold well before the last.
        var cdr = CdrOcpi.From(CdrSamples.Record(), OcpiParty.Default);
        var stream = new MemoryStream();
        long writtenBeforeLast = -1;

        async IAsyncEnumerable<OcpiCdr> Cdrs()
        {
            for (var i = 0; i < 40; i++)
            {
                await Task.Yield();
                if (i == 39)
                {
                    writtenBeforeLast = stream.Length;
                }

                yield return cdr with { Id = $"{i}" };
            }
        }

        await CdrOcpiWriter.WriteAsync(stream, Cdrs(), Ct);

        Assert.InRange(writtenBeforeLast, 16 * 1024, stream.Length - 1);
        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(40, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task The_written_array_reads_back_into_the_same_CDRs()
    {
        var cdr = CdrOcpi.From(CdrSamples.Record(), OcpiParty.Default);
        var stream = new MemoryStream();

        await CdrOcpiWriter.WriteAsync(stream, CdrSamples.Async(cdr), Ct);

        var read = Assert.Single(JsonSerializer.Deserialize(stream.ToArray(), BillingJsonContext.Default.ListOcpiCdr)!);
        Assert.Equal(
            JsonSerializer.Serialize(cdr, BillingJsonContext.Default.OcpiCdr),
            JsonSerializer.Serialize(read, BillingJsonContext.Default.OcpiCdr));
        Assert.Equal(cdr.LastUpdated, read.LastUpdated);
    }
}
