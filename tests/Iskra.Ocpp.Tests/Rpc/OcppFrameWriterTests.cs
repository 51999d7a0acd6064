using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp.Tests.Rpc;

public sealed class OcppFrameWriterTests
{
    private static readonly JsonTypeInfo PayloadType = JsonSerializerOptions.Web.GetTypeInfo(typeof(Payload));

    [Fact]
    public void A_call_with_a_typed_payload_reads_back()
    {
        var output = new ArrayBufferWriter<byte>();
        OcppFrameWriter.WriteCall(output, "id-1", "Reset", new Payload("Hard", 3), PayloadType);

        Assert.Equal("""[2,"id-1","Reset",{"type":"Hard","retries":3}]""", Encoding.UTF8.GetString(output.WrittenSpan));
        var frame = ReadBack(output);
        Assert.Equal(OcppMessageType.Call, frame.MessageType);
        Assert.Equal("Reset", frame.Action);
        Assert.Equal("Hard", frame.Payload.GetProperty("type").GetString());
    }

    [Fact]
    public void A_call_with_a_json_payload_reads_back()
    {
        var output = new ArrayBufferWriter<byte>();
        OcppFrameWriter.WriteCall(output, "id-2", "DataTransfer", JsonElement.Parse("""{"vendorId":"Iskra+Test"}"""));

        Assert.Equal("""[2,"id-2","DataTransfer",{"vendorId":"Iskra+Test"}]""", Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal("Iskra+Test", ReadBack(output).Payload.GetProperty("vendorId").GetString());
    }

    [Fact]
    public void Call_results_read_back_in_both_forms()
    {
        var typed = new ArrayBufferWriter<byte>();
        OcppFrameWriter.WriteCallResult(typed, "r1", new Payload("Soft", 0), PayloadType);
        var json = new ArrayBufferWriter<byte>();
        OcppFrameWriter.WriteCallResult(json, "r2", JsonElement.Parse("""{"status":"Accepted"}"""));

        Assert.Equal("""[3,"r1",{"type":"Soft","retries":0}]""", Encoding.UTF8.GetString(typed.WrittenSpan));
        Assert.Equal("""[3,"r2",{"status":"Accepted"}]""", Encoding.UTF8.GetString(json.WrittenSpan));
        Assert.Equal("Accepted", ReadBack(json).Payload.GetProperty("status").GetString());
    }

    [Fact]
    public void A_call_error_has_empty_details_by_default_and_its_version_spelling()
    {
        var output = new ArrayBufferWriter<byte>();
        OcppFrameWriter.WriteCallError(output, "-1", OcppErrorCode.FormatViolation, OcppVersion.V16, "bad \"payload\"");

        Assert.Equal("""[4,"-1","FormationViolation","bad \"payload\"",{}]""", Encoding.UTF8.GetString(output.WrittenSpan));
        var frame = ReadBack(output);
        Assert.Equal("FormationViolation", frame.ErrorCode);
        Assert.Equal("bad \"payload\"", frame.ErrorDescription);
        Assert.Equal(JsonValueKind.Object, frame.Payload.ValueKind);
    }

    [Fact]
    public void A_call_error_carries_its_details_and_a_description_of_at_most_255_characters()
    {
        var output = new ArrayBufferWriter<byte>();
        OcppFrameWriter.WriteCallError(output, "e1", "GenericError", new string('d', 300), JsonElement.Parse("""{"why":"x"}"""));

        var frame = ReadBack(output, OcppVersion.V201);
        Assert.Equal(255, frame.ErrorDescription!.Length);
        Assert.Equal("x", frame.Payload.GetProperty("why").GetString());
    }

    [Fact]
    public void A_payload_that_is_not_an_object_is_refused()
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.Throws<ArgumentException>(() => OcppFrameWriter.WriteCallResult(output, "x", JsonElement.Parse("[]")));
        Assert.Throws<ArgumentException>(() => OcppFrameWriter.WriteCall(output, "x", "A", default));
    }

    private static OcppFrame ReadBack(ArrayBufferWriter<byte> output, OcppVersion version = OcppVersion.V16)
    {
        Assert.True(OcppFrame.TryParse(output.WrittenSpan, version, out var frame, out var error), error.Description);
        return frame;
    }

    private sealed record Payload(string Type, int Retries);
}
