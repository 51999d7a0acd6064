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
        var writer = new Utf8JsonWriter(stream);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartArray();
            await foreach (var cdr in cdrs.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                JsonSerializer.Serialize(writer, cdr, BillingJsonContext.Default.OcpiCdr);
                if (writer.BytesPending >= FlushThreshold)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
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
