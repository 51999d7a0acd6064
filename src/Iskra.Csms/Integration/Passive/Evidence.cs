using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Iskra.Csms.Security;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Integration.Passive;

/// <summary>
/// Evidence frames for a finding, built only when a finding is stored: a station's CALL is written back
/// compactly from its parsed form, raw frames are kept as they crossed; write-only secrets are redacted.
/// </summary>
internal static class Evidence
{
    // Readable for a firmware engineer: "+01:00" and non-ASCII text as they are, not \u escapes.
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static EvidenceFrame Call(RpcCall call, DateTimeOffset at)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(2);
            writer.WriteStringValue(call.MessageId);
            writer.WriteStringValue(call.Action);
            call.Payload.WriteTo(writer);
            writer.WriteEndArray();
        }

        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return new EvidenceFrame(at, true, SecretRedactor.RedactFrame(text));
    }

    public static EvidenceFrame Raw(ReadOnlySpan<byte> utf8Frame, bool fromStation, DateTimeOffset at) =>
        Raw(Encoding.UTF8.GetString(utf8Frame), fromStation, at);

    public static EvidenceFrame Raw(string frame, bool fromStation, DateTimeOffset at) =>
        new(at, fromStation, SecretRedactor.RedactFrame(frame));
}
