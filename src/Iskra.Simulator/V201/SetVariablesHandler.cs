using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 B05 SetVariables: each Actual value set, or why not (read-only, a bad value, unknown).</summary>
internal static class SetVariablesHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.SetVariablesRequest);
        var model = station.DeviceModel;
        var max = station.Configuration.GetInt("GetConfigurationMaxKeys", 100);
        var results = request.SetVariableData.Select((data, index) =>
        {
            var variable = model.Find(data.Component, data.Variable, out var componentKnown);
            var status = index >= max ? SetVariableStatusEnumType.Rejected // ItemsPerMessage[SetVariables]
                : variable is null ? (componentKnown ? SetVariableStatusEnumType.UnknownVariable : SetVariableStatusEnumType.UnknownComponent)
                : (data.AttributeType ?? AttributeEnumType.Actual) != AttributeEnumType.Actual ? SetVariableStatusEnumType.NotSupportedAttributeType
                : model.Write(variable, data.AttributeValue);
            return new SetVariableResultType
            {
                AttributeStatus = status,
                AttributeType = data.AttributeType,
                AttributeStatusInfo = index >= max ? new StatusInfoType { ReasonCode = "TooManyElements" } : null,
                Component = data.Component,
                Variable = data.Variable,
            };
        }).ToList();
        return ValueTask.FromResult(Payloads.Reply(new SetVariablesResponse { SetVariableResult = results }, V201JsonContext.Default.SetVariablesResponse));
    }
}
