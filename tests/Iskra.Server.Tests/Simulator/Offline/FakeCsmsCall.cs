using System.Text.Json;

namespace Iskra.Server.Tests.Simulator.Offline;

/// <summary>One CALL the <see cref="FakeCsms"/> received.</summary>
public sealed record FakeCsmsCall(DateTimeOffset At, string MessageId, string Action, JsonElement Payload);
