using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;
using Iskra.Simulator.V201.DeviceModelParts;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 B07 GetBaseReport: Accepted, then the report in NotifyReport messages.</summary>
internal static class GetBaseReportHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetBaseReportRequest);
        var variables = DeviceReport.Base(station.DeviceModel, request.ReportBase);
        if (variables.Count > 0)
        {
            DeviceReport.Send(station, request.RequestId, variables);
        }

        var status = variables.Count > 0 ? GenericDeviceModelStatusEnumType.Accepted : GenericDeviceModelStatusEnumType.EmptyResultSet;
        return ValueTask.FromResult(Payloads.Reply(new GetBaseReportResponse { Status = status }, V201JsonContext.Default.GetBaseReportResponse));
    }
}
