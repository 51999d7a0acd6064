using System.Security.Cryptography;
using System.Text.Json;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// <c>get-configuration {keys?}</c> → 1.6 GetConfiguration {key?}; 2.0.1 GetVariables (B06) for the
/// keys named (see <see cref="ConfigurationKeys"/>), or GetBaseReport FullInventory (B07) for all of them,
/// whose NotifyReport then fills the device model. The values answered are stored.
/// </summary>
public sealed class GetConfigurationCommand(ConfigurationStore store) : StationCommand
{
    public override string Name => "get-configuration";

    public override IReadOnlyList<string> Fields { get; } = ["keys"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var keys = body.OptionalStrings("keys");
        if (context.Version == OcppVersion.V16)
        {
            return ValueTask.FromResult(CommandCall.Of(V16Calls.GetConfiguration, new Ocpp16.GetConfigurationRequest { Key = keys is { Count: > 0 } ? keys : null }));
        }

        if (keys is not { Count: > 0 })
        {
            var requestId = RandomNumberGenerator.GetInt32(1, int.MaxValue);
            var report = new Ocpp201.GetBaseReportRequest { RequestId = requestId, ReportBase = Ocpp201.ReportBaseEnumType.FullInventory };
            return ValueTask.FromResult(CommandCall.Of(V201Calls.GetBaseReport, report, ids: new CommandIds(RequestId: requestId)));
        }

        var data = new List<Ocpp201.GetVariableDataType>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var variable = ConfigurationKeys.Resolve(keys[i])
                ?? throw CommandException.Invalid($"$.keys[{i}]", "is not a known OCPP 1.6 key; name a 2.0.1 variable as Component.Variable");
            data.Add(new Ocpp201.GetVariableDataType { Component = variable.ComponentType(), Variable = variable.VariableType() });
        }

        return ValueTask.FromResult(CommandCall.Of(V201Calls.GetVariables, new Ocpp201.GetVariablesRequest { GetVariableData = data }));
    }

    public override ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        var response = outcome.Response;
        if (sent.Action == "GetConfiguration" && response.TryGetProperty("configurationKey", out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            var rows = keys.EnumerateArray()
                .Select(k => (k.GetProperty("key").GetString()!, k.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null, (bool?)k.GetProperty("readonly").GetBoolean()))
                .ToList();
            return new(store.RememberKeysAsync(context.StationId, rows, cancellationToken));
        }

        if (sent.Action == "GetVariables" && response.TryGetProperty("getVariableResult", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            var rows = results.EnumerateArray()
                .Where(r => r.GetProperty("attributeStatus").GetString() == "Accepted")
                .Select(r => (VariableOf(r), r.TryGetProperty("attributeType", out var t) ? t.GetString()! : "Actual", r.TryGetProperty("attributeValue", out var v) ? v.GetString() : null))
                .ToList();
            return new(store.RememberVariablesAsync(context.StationId, rows, cancellationToken));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The component and variable of a 2.0.1 GetVariableResult or SetVariableResult.</summary>
    internal static ComponentVariable VariableOf(JsonElement result)
    {
        var component = result.GetProperty("component");
        var variable = result.GetProperty("variable");
        var evse = component.TryGetProperty("evse", out var e) ? e : default;
        return new ComponentVariable(
            component.GetProperty("name").GetString()!,
            variable.GetProperty("name").GetString()!,
            component.TryGetProperty("instance", out var ci) ? ci.GetString() : null,
            variable.TryGetProperty("instance", out var vi) ? vi.GetString() : null,
            evse.ValueKind == JsonValueKind.Object ? evse.GetProperty("id").GetInt32() : null,
            evse.ValueKind == JsonValueKind.Object && evse.TryGetProperty("connectorId", out var c) ? c.GetInt32() : null);
    }
}
