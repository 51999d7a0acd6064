using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Csms.Security;
using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// <c>change-configuration {key, value}</c> → 1.6 ChangeConfiguration; 2.0.1 SetVariables (B05) with one
/// setVariableData (see <see cref="ConfigurationKeys"/>), whose attributeStatus is the status. An
/// Accepted or RebootRequired change is stored as Iskra's view of the station's configuration.
/// The station's password (<see cref="SecretSettings.IsPasswordKey"/>) is a rotation: admin keys only, the
/// value must be a passwordString, and on Accepted its hash (never the value) is kept as the station's next
/// password (<see cref="ConfigurationStore.RememberPasswordAsync"/>), with an administration audit row
/// <see cref="AdminActions.StationPasswordRotated"/> beside the command's own.
/// </summary>
public sealed class ChangeConfigurationCommand(ConfigurationStore store, StationPasswordHasher hasher, AdminAudit audit) : StationCommand
{
    public override string Name => "change-configuration";

    public override IReadOnlyList<string> Fields { get; } = ["key", "value"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var key = body.RequiredString("key");
        var value = body.RequiredString("value");
        object? password = null;
        if (SecretSettings.IsPasswordKey(key))
        {
            if (context.Caller.Role < ApiRole.Admin)
            {
                throw new CommandException(CommandFailure.Forbidden, "A station's password is changed with an admin key (POST /api/stations/{id}/password/rotate).");
            }

            if (!StationPasswords.IsAcceptable(value))
            {
                throw CommandException.Invalid("$.value", "a station password is 16 to 40 characters of a-z A-Z 0-9 * - _ = : + | @ . (OCPP passwordString)");
            }

            key = context.Version == OcppVersion.V16 ? SecretSettings.AuthorizationKey : key;
            password = new NewPassword(hasher.Hash(value));
        }

        if (context.Version == OcppVersion.V16)
        {
            return ValueTask.FromResult(CommandCall.Of(V16Calls.ChangeConfiguration, new Ocpp16.ChangeConfigurationRequest { Key = key, Value = value }, password ?? key));
        }

        var variable = ConfigurationKeys.Resolve(key)
            ?? throw CommandException.Invalid("$.key", "is not a known OCPP 1.6 key; name a 2.0.1 variable as Component.Variable");
        var data = new Ocpp201.SetVariableDataType { AttributeValue = value, Component = variable.ComponentType(), Variable = variable.VariableType() };
        return ValueTask.FromResult(CommandCall.Of(V201Calls.SetVariables, new Ocpp201.SetVariablesRequest { SetVariableData = [data] }, password ?? variable));
    }

    public override string StatusOf(CommandCall sent, JsonElement response)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return sent.Action == "SetVariables"
            && response.ValueKind == JsonValueKind.Object
            && response.TryGetProperty("setVariableResult", out var results) && results.ValueKind == JsonValueKind.Array && results.GetArrayLength() > 0
            && results[0].ValueKind == JsonValueKind.Object
            && results[0].TryGetProperty("attributeStatus", out var status) && status.ValueKind == JsonValueKind.String
            ? status.GetString()!
            : base.StatusOf(sent, response);
    }

    public override ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status is not ("Accepted" or "RebootRequired"))
        {
            return ValueTask.CompletedTask;
        }

        // The value sent: 1.6 value, 2.0.1 setVariableData[0].attributeValue (the request passed its schema).
        var value = sent.Action == "SetVariables"
            ? sent.Request.GetProperty("setVariableData")[0].GetProperty("attributeValue").GetString()!
            : sent.Request.GetProperty("value").GetString()!;
        return sent.State switch
        {
            NewPassword p => new(store.RememberPasswordAsync(
                context.StationId, p.Hash, audit.Entry(context.Caller.Actor, AdminActions.StationPasswordRotated, context.StationId, ["password"], context.StationId), cancellationToken)),
            string key => new(store.RememberKeysAsync(context.StationId, [(key, value, null)], cancellationToken)),
            ComponentVariable variable => new(store.RememberVariablesAsync(context.StationId, [(variable, "Actual", value)], cancellationToken)),
            _ => ValueTask.CompletedTask,
        };
    }

    /// <summary>The hash of the password a change sends, made before sending, so the value itself is kept nowhere.</summary>
    private sealed record NewPassword(string Hash);
}
