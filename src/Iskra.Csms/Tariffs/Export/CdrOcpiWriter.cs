using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>
/// Writes OCPI 2.2.1 CDRs as one JSON array to a stream, record by record (the body of a CDRs GET, §10.2.1),
/// flushing as it goes so an export of any size holds one record in memory.
/// </summary>
public static class CdrOcpiWriter
{
    private const int FlushThreshold = 16 * 1024;

    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<OcpiCdr> cdrs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(cdrs);
        // Each record is serialized to a buffer and written asynchronously: a response stream refuses synchronous writes.
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold);
        var writer = new Utf8JsonWriter(buffer);
        await using (writer.ConfigureAwait(false))
        {
            await stream.WriteAsync("["u8.ToArray(), cancellationToken).ConfigureAwait(false);
            var first = true;
            await foreach (var cdr in cdrs.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (!first)
                {
                    await stream.WriteAsync(","u8.ToArray(), cancellationToken).ConfigureAwait(false);
                }

                first = false;
                writer.Reset(buffer);
                JsonSerializer.Serialize(writer, cdr, BillingJsonContext.Default.OcpiCdr);
                writer.Flush();
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }

            await stream.WriteAsync("]"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes <paramref name="records"/> (in issue order) as CDRs. A correction is preceded by the credit CDR of
    /// the record it replaces when <paramref name="findCorrected"/> finds that record.
    /// </summary>
    public static Task WriteAsync(
        Stream stream,
        IAsyncEnumerable<ChargeDetailRecord> records,
        OcpiParty party,
        Func<long, CancellationToken, ValueTask<ChargeDetailRecord?>>? findCorrected,
        CancellationToken cancellationToken) =>
        WriteAsync(stream, Convert(records, party, findCorrected, cancellationToken), cancellationToken);

    private static async IAsyncEnumerable<OcpiCdr> Convert(
        IAsyncEnumerable<ChargeDetailRecord> records,
        OcpiParty party,
        Func<long, CancellationToken, ValueTask<ChargeDetailRecord?>>? findCorrected,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (record.CorrectsId is { } correctedId && findCorrected is not null
                && await findCorrected(correctedId, cancellationToken).ConfigureAwait(false) is { } corrected)
            {
                yield return CdrOcpi.Credit(corrected, record.IssuedAt, party);
            }

            yield return CdrOcpi.From(record, party);
        }
    }
}
