using System.Buffers;
using System.Globalization;
using System.Text;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>
/// Charge detail records as CSV (RFC 4180: comma separated, CRLF line ends, a field with a comma, quote or line
/// break in double quotes with quotes doubled), one header line then one line per record, written as the records
/// arrive. Invariant culture: times ISO 8601 in UTC, decimals with '.', energy in kWh with three decimals, hours with
/// four, amounts with two to four. A text field starting with = + - @ tab or CR gets a leading apostrophe so a
/// spreadsheet does not run it as a formula (OWASP, CSV injection): station ids and id tags come from stations.
/// </summary>
public static class CdrCsv
{
    public const string Header =
        "id,correctsId,issuedAt,stationId,evseId,connectorId,transactionId,idTag,idTagGroup,startedAt,stoppedAt,"
        + "energyKwh,chargingHours,parkingHours,tariffId,tariffVersion,currency,amountExclVat,vat,amount,flags,signed";

    private const string LineEnd = "\r\n";
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<ChargeDetailRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        await writer.WriteAsync((Header + LineEnd).AsMemory(), cancellationToken).ConfigureAwait(false);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(Line(record).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static void Write(TextWriter writer, IEnumerable<ChargeDetailRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        writer.Write(Header + LineEnd);
        foreach (var record in records)
        {
            writer.Write(Line(record));
        }
    }

    /// <summary>One record's line, with its CRLF.</summary>
    public static string Line(ChargeDetailRecord cdr)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        var line = new StringBuilder(256);
        string?[] fields =
        [
            Number(cdr.Id), cdr.CorrectsId is { } c ? Number(c) : "", Time(cdr.IssuedAt),
            Text(cdr.StationId), Number(cdr.EvseId), Number(cdr.ConnectorId), Text(cdr.TransactionId),
            Text(cdr.IdTag), Text(cdr.IdTagGroup), Time(cdr.StartedAt), Time(cdr.StoppedAt),
            (cdr.EnergyWh / 1000m).ToString("0.000", CultureInfo.InvariantCulture),
            cdr.ChargingHours.ToString("0.0000", CultureInfo.InvariantCulture),
            cdr.ParkingHours.ToString("0.0000", CultureInfo.InvariantCulture),
            Text(cdr.TariffId), Number(cdr.TariffVersion), Text(cdr.Currency),
            Money(cdr.AmountExclVat), Money(cdr.Vat), Money(cdr.Amount),
            Text(cdr.Flags), SignedReading.ListFrom(cdr.SignedDataJson).Any(r => !string.IsNullOrEmpty(r.Value)) ? "yes" : "no",
        ];
        line.AppendJoin(',', fields);
        return line.Append(LineEnd).ToString();
    }

    /// <summary>A text cell: formula guard first, then RFC 4180 quoting.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (FormulaStarts.Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.AsSpan().ContainsAny(NeedsQuotes) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => OcpiDateTimeConverter.Format(value);
}
