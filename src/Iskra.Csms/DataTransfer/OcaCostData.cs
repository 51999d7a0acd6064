using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Iskra.Csms.DataTransfer;

/// <summary>
/// The JSON <c>data</c> of the Open Charge Alliance's 1.6 cost messages ("OCPP &amp; California Pricing
/// Requirements", §3.1: DataTransfer vendorId <c>org.openchargealliance.costmsg</c>). Field names as
/// the open implementations read them (EVerest libocpp tests, MicroOcpp, CitrineOS; see docs/data-transfer.md).
/// </summary>
public static class OcaCostData
{
    /// <summary>
    /// RunningCost: <c>transactionId</c> (the 1.6 integer id), <c>timestamp</c>, <c>meterValue</c> (Wh, when
    /// known), <c>cost</c>, <c>state</c> and <c>chargingPrice</c>. Iskra sends the cost it computed, so
    /// <c>state</c> is "Charging" and <c>chargingPrice</c> (unit prices the station may use offline) is empty.
    /// </summary>
    public static string RunningCost(CostMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(message, static (w, m) =>
        {
            w.WriteNumber("transactionId", TransactionId(m));
            w.WriteString("timestamp", m.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            if (m.EnergyWh is { } wh)
            {
                w.WriteNumber("meterValue", (long)decimal.Round(wh, MidpointRounding.AwayFromZero));
            }

            w.WriteNumber("cost", m.Amount);
            w.WriteString("state", "Charging");
            w.WriteStartObject("chargingPrice");
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// FinalCost: <c>transactionId</c>, <c>cost</c> and <c>priceText</c>, the text the station shows; without
    /// one in the message it is the amount and currency ("12.34 EUR").
    /// </summary>
    public static string FinalCost(CostMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(message, static (w, m) =>
        {
            w.WriteNumber("transactionId", TransactionId(m));
            w.WriteNumber("cost", m.Amount);
            w.WriteString("priceText", m.Text ?? string.Create(CultureInfo.InvariantCulture, $"{m.Amount:0.00} {m.Currency}"));
        });
    }

    /// <summary>1.6 StartTransaction.conf gives an integer transactionId; the extension carries that integer.</summary>
    private static int TransactionId(CostMessage message) =>
        int.TryParse(message.TransactionId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException($"'{message.TransactionId}' is not a 1.6 transaction id (an integer).", nameof(message));

    private static string Write(CostMessage message, Action<Utf8JsonWriter, CostMessage> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer, message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
