using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 B06 GetVariables: each asked variable's Actual value, or why there is none.</summary>
internal static class GetVariablesHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetVariablesRequest);
        var model = station.DeviceModel;
        var max = station.Configuration.GetInt("GetConfigurationMaxKeys", 100);
        var results = request.GetVariableData.Select((data, index) =>
        {
            var attribute = data.AttributeType ?? AttributeEnumType.Actual;
            var variable = model.Find(data.Component, data.Variable, out var componentKnown);
            var status = index >= max ? GetVariableStatusEnumType.Rejected // B06.FR.05: no more than ItemsPerMessage[GetVariables]
                : variable is null ? (componentKnown ? GetVariableStatusEnumType.UnknownVariable : GetVariableStatusEnumType.UnknownComponent)
                : attribute != AttributeEnumType.Actual ? GetVariableStatusEnumType.NotSupportedAttributeType // the simulator keeps Actual values only
                : variable.Mutability == MutabilityEnumType.WriteOnly ? GetVariableStatusEnumType.Rejected // a write-only value is never read back
                : GetVariableStatusEnumType.Accepted;
            return new GetVariableResultType
            {
                AttributeStatus = status,
                AttributeType = data.AttributeType,
                AttributeValue = status == GetVariableStatusEnumType.Accepted ? model.Read(variable!) : null,
                AttributeStatusInfo = index >= max ? new StatusInfoType { ReasonCode = "TooManyElements" } : null,
                Component = data.Component,
                Variable = data.Variable,
            };
        }).ToList();
        return ValueTask.FromResult(Payloads.Reply(new GetVariablesResponse { GetVariableResult = results }, V201JsonContext.Default.GetVariablesResponse));
    }
}
