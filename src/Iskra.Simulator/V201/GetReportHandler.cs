using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;
using Iskra.Simulator.V201.DeviceModelParts;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 B08 GetReport: the variables that meet the criteria in NotifyReport messages, or EmptyResultSet.</summary>
internal static class GetReportHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetReportRequest);
        var variables = DeviceReport.Select(station.DeviceModel, request.ComponentVariable, request.ComponentCriteria);
        if (variables.Count > 0)
        {
            DeviceReport.Send(station, request.RequestId, variables);
        }

        var status = variables.Count > 0 ? GenericDeviceModelStatusEnumType.Accepted : GenericDeviceModelStatusEnumType.EmptyResultSet;
        return ValueTask.FromResult(Payloads.Reply(new GetReportResponse { Status = status }, V201JsonContext.Default.GetReportResponse));
    }
}
