using System.Text.Json;

namespace Iskra.Ocpp.Rpc;

/// <summary>An incoming CALL <c>[2, MessageId, Action, Payload]</c>; the payload is owned by the call.</summary>
public sealed record RpcCall(string MessageId, string Action, JsonElement Payload);
