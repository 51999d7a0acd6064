using System.Globalization;
using System.Text.Unicode;
using Iskra.Ocpp;

namespace Iskra.Simulator.Swarm;

/// <summary>
/// The frames of a swarm station, written straight into its send buffer: constant payloads are
/// UTF-8 literals, the few changing fields (message id, timestamp, meter reading, transaction id)
/// are formatted in place, so a send allocates nothing. Every payload is valid against the
/// official schema of its action.
/// </summary>
public static class SwarmFrames
{
    public const string IdTag = "SWARM";

    private static ReadOnlySpan<byte> Boot16 => """{"chargePointVendor":"IskraSwarm","chargePointModel":"Swarm-1"}"""u8;

    private static ReadOnlySpan<byte> Boot201 => """{"reason":"PowerUp","chargingStation":{"model":"Swarm-1","vendorName":"IskraSwarm"}}"""u8;

    /// <summary>The action that <paramref name="step"/> is on the wire for <paramref name="version"/>.</summary>
    public static SwarmAction ActionOf(SwarmStep step, OcppVersion version) => step switch
    {
        SwarmStep.Boot => SwarmAction.BootNotification,
        SwarmStep.Heartbeat => SwarmAction.Heartbeat,
        SwarmStep.Plug or SwarmStep.Unplug => SwarmAction.StatusNotification,
        SwarmStep.StationMeter => SwarmAction.MeterValues,
        SwarmStep.Start => version == OcppVersion.V16 ? SwarmAction.StartTransaction : SwarmAction.TransactionEvent,
        SwarmStep.Stop => version == OcppVersion.V16 ? SwarmAction.StopTransaction : SwarmAction.TransactionEvent,
        _ => version == OcppVersion.V16 ? SwarmAction.MeterValues : SwarmAction.TransactionEvent,
    };

    /// <summary>Writes the CALL <c>[2,"id","Action",payload]</c>; the byte count, or -1 when it did not fit.</summary>
    public static int WriteCall(Span<byte> buffer, int messageId, SwarmAction action, OcppVersion version, SwarmStep step, in SwarmSession session)
    {
        if (step == SwarmStep.Boot)
        {
            return WriteBoot(buffer, messageId, version);
        }

        if (!Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $"[2,\"{messageId}\",\"{ActionName(action)}\",", out var head))
        {
            return -1;
        }

        var rest = buffer[head..];
        var body = version == OcppVersion.V16 ? Payload16(rest, step, session) : Payload201(rest, step, session);
        if (body < 0 || head + body >= buffer.Length)
        {
            return -1;
        }

        buffer[head + body] = (byte)']';
        return head + body + 1;
    }

    /// <summary>The BootNotification CALL with message id <paramref name="messageId"/>.</summary>
    public static int WriteBoot(Span<byte> buffer, int messageId, OcppVersion version)
    {
        Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $"[2,\"{messageId}\",\"BootNotification\",", out var head);
        var payload = version == OcppVersion.V16 ? Boot16 : Boot201;
        payload.CopyTo(buffer[head..]);
        buffer[head + payload.Length] = (byte)']';
        return head + payload.Length + 1;
    }

    /// <summary>The wire name of <paramref name="action"/>, without the enum's ToString.</summary>
    public static string ActionName(SwarmAction action) => action switch
    {
        SwarmAction.BootNotification => "BootNotification",
        SwarmAction.Heartbeat => "Heartbeat",
        SwarmAction.StatusNotification => "StatusNotification",
        SwarmAction.MeterValues => "MeterValues",
        SwarmAction.StartTransaction => "StartTransaction",
        SwarmAction.StopTransaction => "StopTransaction",
        _ => "TransactionEvent",
    };

    /// <summary>A CALLERROR NotSupported for a CALL of the server (the swarm implements none).</summary>
    public static int WriteNotSupported(Span<byte> buffer, ReadOnlySpan<char> messageId) =>
        Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $"[4,\"{messageId}\",\"NotSupported\",\"swarm station\",{{}}]", out var n) ? n : -1;

    private static int Payload16(Span<byte> b, SwarmStep step, in SwarmSession s)
    {
        var now = new Timestamp(DateTime.UtcNow);
        bool ok;
        int n;
        switch (step)
        {
            case SwarmStep.Heartbeat:
                ok = Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{}}", out n);
                break;
            case SwarmStep.Plug or SwarmStep.Unplug:
                var status = step == SwarmStep.Plug ? "Preparing" : "Available";
                ok = Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"{status}\",\"timestamp\":\"{now}\"}}", out n);
                break;
            case SwarmStep.Start:
                ok = Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{\"connectorId\":1,\"idTag\":\"{IdTag}\",\"meterStart\":{s.MeterWh},\"timestamp\":\"{now}\"}}", out n);
                break;
            case SwarmStep.Stop:
                ok = Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{\"transactionId\":{s.TransactionId16},\"idTag\":\"{IdTag}\",\"meterStop\":{s.MeterWh},\"timestamp\":\"{now}\",\"reason\":\"Local\"}}", out n);
                break;
            default:
                // MeterValues: inside the transaction when its id is known, else on the connector alone.
                ok = step == SwarmStep.Meter && s.TransactionId16 > 0
                    ? Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{\"connectorId\":1,\"transactionId\":{s.TransactionId16},\"meterValue\":[{{\"timestamp\":\"{now}\",\"sampledValue\":[{{\"value\":\"{s.MeterWh}\",\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}},{{\"value\":\"7200\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}}]}}]}}", out n)
                    : Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{\"connectorId\":1,\"meterValue\":[{{\"timestamp\":\"{now}\",\"sampledValue\":[{{\"value\":\"{s.MeterWh}\",\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}},{{\"value\":\"7200\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}}]}}]}}", out n);
                break;
        }

        return ok ? n : -1;
    }

    private static int Payload201(Span<byte> b, SwarmStep step, in SwarmSession s)
    {
        var now = new Timestamp(DateTime.UtcNow);
        bool ok;
        int n;
        switch (step)
        {
            case SwarmStep.Heartbeat:
                ok = Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{}}", out n);
                break;
            case SwarmStep.Plug or SwarmStep.Unplug:
                var status = step == SwarmStep.Plug ? "Occupied" : "Available";
                ok = Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{\"timestamp\":\"{now}\",\"connectorStatus\":\"{status}\",\"evseId\":1,\"connectorId\":1}}", out n);
                break;
            case SwarmStep.StationMeter:
                ok = Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{\"evseId\":1,\"meterValue\":[{{\"timestamp\":\"{now}\",\"sampledValue\":[{{\"value\":{s.MeterWh},\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\"}},{{\"value\":7200,\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\"}}]}}]}}", out n);
                break;
            default:
                var (type, trigger) = step switch
                {
                    SwarmStep.Start => ("Started", "Authorized"),
                    SwarmStep.Stop => ("Ended", "StopAuthorized"),
                    _ => ("Updated", "MeterValuePeriodic"),
                };
                var stopped = step == SwarmStep.Stop ? ",\"stoppedReason\":\"Local\"" : "";
                var token = step == SwarmStep.Meter ? "" : ",\"idToken\":{\"idToken\":\"" + IdTag + "\",\"type\":\"ISO14443\"}";
                var evse = step == SwarmStep.Start ? ",\"evse\":{\"id\":1,\"connectorId\":1}" : "";
                ok = Utf8.TryWrite(b, CultureInfo.InvariantCulture, $"{{\"eventType\":\"{type}\",\"timestamp\":\"{now}\",\"triggerReason\":\"{trigger}\",\"seqNo\":{s.SeqNo},\"transactionInfo\":{{\"transactionId\":\"{s.TransactionId201}\"{stopped}}}{token}{evse},\"meterValue\":[{{\"timestamp\":\"{now}\",\"sampledValue\":[{{\"value\":{s.MeterWh},\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\"}},{{\"value\":7200,\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\"}}]}}]}}", out n);
                break;
        }

        return ok ? n : -1;
    }

    /// <summary>An ISO 8601 UTC timestamp with milliseconds, formatted without allocating.</summary>
    private readonly struct Timestamp(DateTime utc) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            utc.TryFormat(destination, out charsWritten, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        public string ToString(string? format, IFormatProvider? formatProvider) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        public override string ToString() => ToString(null, null);
    }
}
