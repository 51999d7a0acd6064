using System.Text;
using System.Text.Json;
using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp.Tests.Rpc;

public sealed class OcppFrameTests
{
    private static readonly string LongId = new('x', 37);

    [Fact]
    public void A_call_is_read_with_its_id_action_and_payload()
    {
        Assert.True(Parse("""[2, "19223201", "BootNotification", {"chargePointVendor": "VendorX"}]""", OcppVersion.V16, out var frame, out _));
        Assert.Equal(OcppMessageType.Call, frame.MessageType);
        Assert.Equal("19223201", frame.MessageId);
        Assert.Equal("BootNotification", frame.Action);
        Assert.Equal("VendorX", frame.Payload.GetProperty("chargePointVendor").GetString());
        Assert.Equal(new RpcCall("19223201", "BootNotification", frame.Payload), frame.ToCall());
    }

    [Fact]
    public void A_call_result_is_read_with_its_payload()
    {
        Assert.True(Parse("""[3,"a-36-char-id-aaaaaaaaaaaaaaaaaaaaaaaaa",{"status":"Accepted"}]""".Replace("a-36-char-id-aaaaaaaaaaaaaaaaaaaaaaaaa", new string('a', 36), StringComparison.Ordinal), OcppVersion.V201, out var frame, out _));
        Assert.Equal(OcppMessageType.CallResult, frame.MessageType);
        Assert.Equal(new string('a', 36), frame.MessageId);
        Assert.Null(frame.Action);
        Assert.Equal("Accepted", frame.Payload.GetProperty("status").GetString());
    }

    [Fact]
    public void A_call_error_is_read_with_code_description_and_details()
    {
        Assert.True(Parse("""[4,"7","NotSupported","Reset is not supported",{"hint":1}]""", OcppVersion.V16, out var frame, out _));
        Assert.Equal(OcppMessageType.CallError, frame.MessageType);
        Assert.Equal("NotSupported", frame.ErrorCode);
        Assert.Equal("Reset is not supported", frame.ErrorDescription);
        Assert.Equal(1, frame.Payload.GetProperty("hint").GetInt32());
    }

    [Fact]
    public void The_payload_outlives_the_buffer_it_was_read_from()
    {
        var bytes = Encoding.UTF8.GetBytes("""[2,"1","Heartbeat",{"a":"b"}]""");
        Assert.True(OcppFrame.TryParse(bytes, OcppVersion.V16, out var frame, out _));
        Array.Clear(bytes);
        Assert.Equal("b", frame.Payload.GetProperty("a").GetString());
    }

    // OCPP-J 1.6 §4.2.3 and 2.0.1 §4.3: frame faults are ProtocolError / RpcFrameworkError, an unknown
    // message type is MessageTypeNotSupported in 2.0.1; the id is echoed when readable, else "-1".
    [Theory]
    [InlineData("", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("not json", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("{\"a\":1}", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("42", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("[]", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("[2,\"1\",\"Heartbeat\",{}", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[2,\"1\",\"Heartbeat\",{}] trailing", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[\"2\",\"1\",\"Heartbeat\",{}]", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("[2.5,\"1\",\"Heartbeat\",{}]", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("[5,\"1\",\"Heartbeat\",{}]", "ProtocolError", "MessageTypeNotSupported", "1")]
    [InlineData("[1,\"1\",\"Heartbeat\",{}]", "ProtocolError", "MessageTypeNotSupported", "1")]
    [InlineData("[6]", "ProtocolError", "MessageTypeNotSupported", "-1")]
    [InlineData("[2]", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("[2,1,\"Heartbeat\",{}]", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("[2,null,\"Heartbeat\",{}]", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("[2,\"LONG\",\"Heartbeat\",{}]", "ProtocolError", "RpcFrameworkError", "-1")]
    [InlineData("[2,\"1\",3,{}]", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[2,\"1\",\"Heartbeat\"]", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[2,\"1\",\"Heartbeat\",{},{}]", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[2,\"1\",\"Heartbeat\",{\"a\":}]", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[3,\"1\"]", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[3,\"1\",\"Accepted\"]", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[3,\"1\",{},{}]", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[4,\"1\",\"GenericError\",{}]", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[4,\"1\",5,\"x\",{}]", "ProtocolError", "RpcFrameworkError", "1")]
    [InlineData("[4,\"1\",\"GenericError\",\"x\"]", "ProtocolError", "RpcFrameworkError", "1")]
    public void A_bad_frame_gets_the_code_of_its_version_and_its_id_when_readable(string text, string v16Code, string v201Code, string expectedId)
    {
        text = text.Replace("LONG", LongId, StringComparison.Ordinal);
        foreach (var (version, expectedCode) in new[] { (OcppVersion.V16, v16Code), (OcppVersion.V201, v201Code) })
        {
            Assert.False(Parse(text, version, out var frame, out var error));
            Assert.Null(frame);
            Assert.Equal(expectedCode, error.Code.ToWire(version));
            Assert.Equal(expectedId, error.MessageId);
            Assert.False(string.IsNullOrEmpty(error.Description));
        }
    }

    [Theory]
    [InlineData("[2,\"1\",\"Heartbeat\",[]]", JsonValueKind.Array)]
    [InlineData("[2,\"1\",\"Heartbeat\",null]", JsonValueKind.Null)]
    [InlineData("[2,\"1\",\"Heartbeat\",\"{}\"]", JsonValueKind.String)]
    public void A_call_whose_payload_is_not_an_object_is_left_for_the_validator_to_answer_FormationViolation(string text, JsonValueKind kind)
    {
        Assert.True(Parse(text, OcppVersion.V16, out var frame, out _));
        Assert.Equal(kind, frame!.Payload.ValueKind);
        Assert.Equal("Heartbeat", frame.Action);
    }

    [Theory]
    [InlineData("[3,\"1\"]", OcppMessageType.CallResult)]
    [InlineData("[4,\"1\",\"GenericError\",{}]", OcppMessageType.CallError)]
    [InlineData("[2,\"1\",3,{}]", OcppMessageType.Call)]
    public void A_bad_frame_tells_its_message_type_when_it_was_readable(string text, OcppMessageType type)
    {
        Assert.False(Parse(text, OcppVersion.V201, out _, out var error));
        Assert.Equal(type, error.MessageType);
    }

    [Fact]
    public void Invalid_utf8_is_a_frame_error_not_an_exception()
    {
        byte[] bytes = [.. "[2,\"1\",\"Heart"u8, 0xC3, 0x28, .. "\",{}]"u8];
        Assert.False(OcppFrame.TryParse(bytes, OcppVersion.V16, out _, out var error));
        Assert.Equal(OcppErrorCode.ProtocolError, error.Code);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        var seed = Encoding.UTF8.GetBytes("""[2,"abc","Authorize",{"idTag":"X","n":[1,2,{"k":null}]}]""");
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])seed.Clone();
            for (var j = random.Next(1, 4); j > 0; j--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var length = random.Next(bytes.Length + 1);
            OcppFrame.TryParse(bytes.AsSpan(0, length), OcppVersion.V201, out _, out _);
        }
    }

    private static bool Parse(string text, OcppVersion version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OcppFrame? frame, out OcppFrameError error) =>
        OcppFrame.TryParse(Encoding.UTF8.GetBytes(text), version, out frame, out error);
}
