using System.Text.Json;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// One version-agnostic command (docs/commands.md): its body, in OCPP 1.6 field names, becomes a
/// 1.6 or a 2.0.1 call; the station's answer gives a status and may change Iskra's state.
/// </summary>
public abstract class StationCommand
{
    /// <summary>The command's name in <c>/api/stations/{id}/commands/{name}</c>, e.g. <c>remote-start</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Every field the body may have, in OCPP 1.6 names (SPEC §2.2): any other is refused with a 400 that
    /// names it and lists these, before anything is sent (a typo must never start a real session).
    /// </summary>
    public abstract IReadOnlyList<string> Fields { get; }

    /// <summary>
    /// Translates <paramref name="body"/> into a typed request of the station's version
    /// (<see cref="CommandCall.Of{TRequest, TResponse}"/>). Throws <see cref="CommandException"/> for a bad
    /// body or a version the command has no meaning on. The station's channel checks the request against
    /// the official schema once, as it sends it.
    /// </summary>
    public abstract ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken);

    /// <summary>The station's status: the answer's <c>status</c> field; an answer without one is <c>Accepted</c>.</summary>
    public virtual string StatusOf(CommandCall sent, JsonElement response) =>
        response.ValueKind == JsonValueKind.Object && response.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            ? status.GetString()!
            : "Accepted";

    /// <summary>Applies what the station answered to Iskra's state (a stored setting, a list version). Nothing by default.</summary>
    public virtual ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    /// <summary>
    /// The call got no usable CALLRESULT: <paramref name="outcome"/> is <c>CallError:&lt;code&gt;</c>,
    /// <c>InvalidResponse</c> (an answer that violates the response's schema), <c>Timeout</c>,
    /// <c>NotConnected</c> or <c>Cancelled</c>. Records it on what <see cref="BuildAsync"/> stored
    /// (status <see cref="FailureStatus"/>). Nothing by default.
    /// </summary>
    public virtual ValueTask FailedAsync(CommandContext context, CommandCall sent, string outcome, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    /// <summary>
    /// The request violates its schema, so nothing was sent (the API answers 400). Undoes what
    /// <see cref="BuildAsync"/> stored; by default that is <see cref="FailedAsync"/> with <c>InvalidBody</c>.
    /// </summary>
    public virtual ValueTask DiscardAsync(CommandContext context, CommandCall sent, CancellationToken cancellationToken) =>
        FailedAsync(context, sent, nameof(CommandFailure.InvalidBody), cancellationToken);

    /// <summary>
    /// The status a tracked request takes when its call failed: <c>Failed</c> after a CALLERROR or an
    /// invalid answer (the station could not handle the call) or a request that was never sent, else
    /// <c>NoAnswer</c>: a timeout or a lost connection does not prove that the station did nothing.
    /// </summary>
    public static string FailureStatus(string outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.StartsWith("CallError:", StringComparison.Ordinal) || outcome is "InvalidResponse" or nameof(CommandFailure.InvalidBody)
            ? "Failed"
            : "NoAnswer";
    }
}
