using System.Text.Json;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>One CALL the CSMS sent to a <see cref="RespondingStation"/>, with what the official schema says of it.</summary>
public sealed record ReceivedCall(string Action, JsonElement Payload, IReadOnlyList<string> SchemaErrors);
