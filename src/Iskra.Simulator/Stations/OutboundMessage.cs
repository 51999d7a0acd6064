using System.Text.Json;
using System.Text.Json.Nodes;

namespace Iskra.Simulator.Stations;

/// <summary>
/// A CALL the station wants to send. Its payload is built when it is sent (a queued 1.6 MeterValues
/// needs the transactionId that the StartTransaction before it brings back), from data captured when
/// the event happened. Transaction messages survive disconnection and are retried; others do not.
/// </summary>
public sealed class OutboundMessage(string action, Func<JsonObject?> build, bool transactional)
{
    private readonly TaskCompletionSource<JsonElement?> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Action { get; } = action;

    /// <summary>Builds the payload; null when the message has become pointless and is skipped.</summary>
    public Func<JsonObject?> Build { get; } = build;

    /// <summary>1.6 Start/StopTransaction and transaction MeterValues, 2.0.1 TransactionEvent.</summary>
    public bool Transactional { get; } = transactional;

    /// <summary>Runs with the CALLRESULT payload before the next message is sent (e.g. to learn a transactionId).</summary>
    public Action<JsonElement>? OnAnswer { get; init; }

    /// <summary>Attempts answered with a CALLERROR so far.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>The CALLRESULT payload, or null when the message was dropped or refused for good.</summary>
    public Task<JsonElement?> Answered => _answered.Task;

    internal void Complete(JsonElement? answer) => _answered.TrySetResult(answer);
}
