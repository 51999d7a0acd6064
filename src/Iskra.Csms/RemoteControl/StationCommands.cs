using System.Collections.Concurrent;
using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Csms.Events;
using Iskra.Csms.Routing;
using Iskra.Csms.Security;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// The outbound message path (STYLE "Outbound CALL"): a version-agnostic command → a typed request of
/// the station's version (<see cref="CommandCall"/>) → the station's one <see cref="IStationChannel"/>,
/// which checks it once against its schema and keeps one outstanding call per station. A raw OCPP call
/// is checked here, its payload being the caller's own. Every attempt is audited and announced as events.
/// </summary>
public sealed partial class StationCommands(
    IEnumerable<StationCommand> commands,
    IStationChannels channels,
    StationClaims claims,
    IDbContextFactory<IskraDbContext> contexts,
    CsmsEvents events,
    TimeProvider time,
    ILogger<StationCommands> logger)
{
    private readonly Dictionary<string, StationCommand> _commands = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _applying = new(StringComparer.Ordinal);

    /// <summary>The command names, in the order of the catalog.</summary>
    public IEnumerable<string> Names => _commands.Keys;

    /// <summary>Sends the command <paramref name="name"/> as a typed request of the station's version and applies the station's answer.</summary>
    /// <exception cref="CommandException">Refused before sending (unknown, claimed, offline, invalid body or request, not on the version).</exception>
    /// <exception cref="OcppCallErrorException">The station answered with a CALLERROR.</exception>
    /// <exception cref="OcppInvalidResponseException">The station's answer violates the response's schema.</exception>
    /// <exception cref="OcppCallTimeoutException">The station did not answer in time.</exception>
    public async Task<CommandOutcome> SendAsync(string stationId, string name, JsonElement body, ApiCaller caller, CancellationToken cancellationToken)
    {
        if (!_commands.TryGetValue(name, out var command))
        {
            throw new CommandException(CommandFailure.UnknownCommand, $"There is no command '{name}'. Commands: {string.Join(", ", _commands.Keys)}.");
        }

        var (context, channel) = await OpenAsync(stationId, name, caller, body, cancellationToken).ConfigureAwait(false);
        CommandCall call;
        try
        {
            call = await command.BuildAsync(context, new CommandBody(body, command.Fields), cancellationToken).ConfigureAwait(false);
        }
        catch (CommandException e)
        {
            await AuditAsync(context, name, null, body, e.Failure.ToString(), e.Message).ConfigureAwait(false);
            throw;
        }

        if (call.Version != context.Version)
        {
            // A command's bug, never the caller's: the channel would refuse it too.
            throw new InvalidOperationException($"The command '{name}' built {call.Action} of OCPP {call.Version.DisplayName()} for a station that speaks {context.Version.DisplayName()}.");
        }

        JsonElement response;
        try
        {
            response = await CallAsync(context, name, call.Action, call.Request, ct => call.SendAsync(channel, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (CommandException e) when (e.Failure == CommandFailure.InvalidBody)
        {
            // The typed request violates its schema: nothing was sent, so nothing it allocated may stay.
            await InOrderAsync(stationId, name, () => command.DiscardAsync(context, call, CancellationToken.None)).ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (FailureOf(e) is { } failure)
        {
            // A tracked request (firmware update, upload, remote start, reservation) must not stay Sent.
            await InOrderAsync(stationId, name, () => command.FailedAsync(context, call, failure, CancellationToken.None)).ConfigureAwait(false);
            throw;
        }

        var outcome = new CommandOutcome(command.StatusOf(call, response), response, call.Ids);
        await InOrderAsync(stationId, name, () => command.ApplyAsync(context, call, outcome, CancellationToken.None)).ConfigureAwait(false);
        await AnsweredAsync(context, name, call.Action, call.Request, outcome.Status, response, cancellationToken).ConfigureAwait(false);
        return outcome with { Response = SecretRedactor.Redact(response) }; // the caller sees no write-only value either
    }

    /// <summary>
    /// Runs a command's apply (or failure) step. The channel sends one call at a time, but the next call
    /// may be answered while this answer is still being applied: applies of one station run one at a
    /// time, in answer order, and run even when the API client has gone.
    /// </summary>
    private async Task InOrderAsync(string stationId, string name, Func<ValueTask> apply)
    {
        var applying = _applying.GetOrAdd(stationId, static _ => new SemaphoreSlim(1, 1));
        await applying.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await apply().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The station has acted (or may have); failing the request now would invite a repeat. Log and answer.
            LogApplyFailed(logger, e, name, stationId);
        }
        finally
        {
            applying.Release();
        }
    }

    /// <summary>The outcome recorded for a call that got no CALLRESULT; null for anything else.</summary>
    private static string? FailureOf(Exception e) => e switch
    {
        OcppCallErrorException error => "CallError:" + error.ErrorCode,
        OcppInvalidResponseException => "InvalidResponse",
        OcppCallTimeoutException => "Timeout",
        CommandException { Failure: CommandFailure.NotConnected } => nameof(CommandFailure.NotConnected),
        OperationCanceledException => "Cancelled",
        _ => null,
    };

    /// <summary>Sends <paramref name="payload"/> as the OCPP call <paramref name="action"/> after checking it against the official schema of the station's version.</summary>
    public async Task<JsonElement> CallRawAsync(string stationId, string action, JsonElement payload, ApiCaller caller, CancellationToken cancellationToken)
    {
        var name = "ocpp/" + action;
        var (context, channel) = await OpenAsync(stationId, name, caller, payload, cancellationToken).ConfigureAwait(false);
        try
        {
            var known = OcppCatalogs.Find(context.Version, action)
                ?? throw new CommandException(CommandFailure.UnknownCommand, $"OCPP {context.Version.DisplayName()} has no action '{action}'.");
            if ((known.Direction & OcppDirection.CsmsToStation) == 0)
            {
                throw CommandException.NotOnVersion(name, context.Version.DisplayName(), $"{action} is sent by stations, not to them.");
            }

            if (payload.ValueKind != JsonValueKind.Object)
            {
                throw CommandException.Invalid("$", "the body must be a JSON object: the call's payload");
            }

            // The payload is the caller's own, so it is checked here; a typed request is checked by the channel.
            if (known.ValidateRequest(payload) is { } error)
            {
                throw CommandException.SchemaViolation(action, context.Version, error);
            }

            if (action is "ChangeConfiguration" or "SetVariables" && SecretRedactor.Contains(payload))
            {
                // Sent raw, Iskra would not learn the password and the station would be locked out at its next connect.
                throw CommandException.Invalid("$", "a station password is changed with the change-configuration command or POST /api/stations/{id}/password/rotate, so that Iskra learns it");
            }
        }
        catch (CommandException e)
        {
            await AuditAsync(context, name, null, payload, e.Failure.ToString(), e.Message).ConfigureAwait(false);
            throw;
        }

        var response = await CallAsync(context, name, action, payload, ct => channel.CallRawAsync(action, payload, null, ct), cancellationToken).ConfigureAwait(false);
        var status = response.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "Answered";
        await AnsweredAsync(context, name, action, payload, status, response, cancellationToken).ConfigureAwait(false);
        return SecretRedactor.Redact(response);
    }

    private async Task<(CommandContext Context, IStationChannel Channel)> OpenAsync(string stationId, string name, ApiCaller caller, JsonElement body, CancellationToken cancellationToken)
    {
        RegistrationState? registration;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            // The stored status is the one BootNotification answers (StationService) and the operator sets.
            registration = await db.Stations.Where(s => s.Id == stationId).Select(s => (RegistrationState?)s.RegistrationStatus)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new CommandException(CommandFailure.UnknownStation, $"No station '{stationId}' is registered.");
        }

        if (claims.Find(stationId) is { } claim)
        {
            var claimed = new CommandContext(stationId, OcppVersion.V16, caller);
            await AuditAsync(claimed, name, null, body, nameof(CommandFailure.Claimed), claim.Owner).ConfigureAwait(false);
            throw new CommandException(CommandFailure.Claimed, $"Station '{stationId}' is claimed by {claim.Owner}: the lab is its CSMS until the run ends. Follow or cancel it at {claim.Reference}.");
        }

        if (!channels.TryGetChannel(stationId, out var channel) || !channel.IsOpen)
        {
            var offline = new CommandContext(stationId, OcppVersion.V16, caller);
            await AuditAsync(offline, name, null, body, nameof(CommandFailure.NotConnected), null).ConfigureAwait(false);
            throw new CommandException(CommandFailure.NotConnected, $"Station '{stationId}' is not connected.");
        }

        var context = new CommandContext(stationId, channel.Version, caller) { Registration = registration };
        if (registration == RegistrationState.Rejected)
        {
            // OCPP 1.6 §4.2 "While Rejected ... the Central System SHOULD NOT initiate any"; 2.0.1 B03.FR.03 "SHALL NOT".
            await AuditAsync(context, name, null, body, nameof(CommandFailure.StationRejected), null).ConfigureAwait(false);
            throw new CommandException(CommandFailure.StationRejected, $"Station '{stationId}' is Rejected: Iskra sends it nothing (OCPP 1.6 §4.2, 2.0.1 B03.FR.03). Accept it first (PATCH /api/stations/{stationId} {{\"registrationStatus\":\"Accepted\"}}).");
        }

        return (context, channel);
    }

    /// <summary>
    /// Sends one call (<paramref name="send"/>) with its events and audit row. A request the channel refuses
    /// by its schema becomes a <see cref="CommandException"/> (400); an answer that violates the response's
    /// schema is audited as <c>InvalidResponse</c> and rethrown (502), like a CALLERROR.
    /// </summary>
    private async Task<JsonElement> CallAsync(CommandContext context, string name, string action, JsonElement payload, Func<CancellationToken, Task<JsonElement>> send, CancellationToken cancellationToken)
    {
        events.Publish(CsmsEventTypes.CommandSent, context.StationId, new CommandEvent(name, action, context.Caller.Actor, null), CsmsJsonContext.Default.CommandEvent);
        string failure;
        string? detail;
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (OcppRequestInvalidException e)
        {
            var refused = CommandException.SchemaViolation(action, context.Version, e.Error);
            events.Publish(CsmsEventTypes.CommandAnswered, context.StationId, new CommandEvent(name, action, context.Caller.Actor, nameof(CommandFailure.InvalidBody)), CsmsJsonContext.Default.CommandEvent);
            await AuditAsync(context, name, null, payload, nameof(CommandFailure.InvalidBody), refused.Message).ConfigureAwait(false);
            throw refused;
        }
        catch (OcppInvalidResponseException e)
        {
            (failure, detail) = ("InvalidResponse", $"{e.Error.Path}: {e.Error.Message} in {SecretRedactor.Redact(e.Response).GetRawText()}");
            await FailedAsync().ConfigureAwait(false);
            throw;
        }
        catch (OcppCallErrorException e)
        {
            (failure, detail) = ("CallError:" + e.ErrorCode, e.Description);
            await FailedAsync().ConfigureAwait(false);
            throw;
        }
        catch (OcppCallTimeoutException)
        {
            (failure, detail) = ("Timeout", null);
            await FailedAsync().ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The API client went away; the call may have reached the station.
            (failure, detail) = ("Cancelled", null);
            await FailedAsync().ConfigureAwait(false);
            throw;
        }
        catch (StationDisconnectedException)
        {
            (failure, detail) = (nameof(CommandFailure.NotConnected), null);
            await FailedAsync().ConfigureAwait(false);
            throw new CommandException(CommandFailure.NotConnected, $"Station '{context.StationId}' disconnected before it answered {action}.");
        }

        Task FailedAsync()
        {
            events.Publish(CsmsEventTypes.CommandAnswered, context.StationId, new CommandEvent(name, action, context.Caller.Actor, failure), CsmsJsonContext.Default.CommandEvent);
            return AuditAsync(context, name, action, payload, failure, detail);
        }
    }

    private Task AnsweredAsync(CommandContext context, string name, string action, JsonElement payload, string status, JsonElement response, CancellationToken cancellationToken)
    {
        events.Publish(CsmsEventTypes.CommandAnswered, context.StationId, new CommandEvent(name, action, context.Caller.Actor, status), CsmsJsonContext.Default.CommandEvent);
        return AuditAsync(context, name, action, payload, status, SecretRedactor.Redact(response).GetRawText());
    }

    /// <summary>
    /// Writes the audit row even when the request was cancelled: the station may have acted. The request
    /// is stored without write-only values (<see cref="SecretRedactor"/>), like the traffic log.
    /// </summary>
    private async Task AuditAsync(CommandContext context, string name, string? action, JsonElement request, string outcome, string? response)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        db.Audit.Add(new AuditEntry
        {
            Timestamp = now,
            Actor = context.Caller.Actor,
            StationId = context.StationId,
            Command = name,
            Action = action,
            Request = request.ValueKind == JsonValueKind.Undefined ? null : SecretRedactor.Redact(request).GetRawText(),
            Outcome = outcome,
            Response = response,
            AnsweredAt = action is null ? null : now,
        });
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the answer to command {Command} of station {StationId} failed")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string command, string stationId);
}
