using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.SmartCharging;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.7 GetCompositeSchedule: the connector's composite schedule from now; Rejected for an unknown connector.</summary>
internal static class GetCompositeScheduleHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.GetCompositeScheduleRequest);
        var unit = request.ChargingRateUnit ?? ChargingRateUnitType.W;
        var composite = await ProfileActions.CompositeAsync(station, request.ConnectorId, request.Duration, ProfileMapping.Unit(unit)).ConfigureAwait(false);
        if (composite is not { } schedule)
        {
            return Payloads.Reply(new GetCompositeScheduleResponse { Status = GetCompositeScheduleStatus.Rejected }, V16JsonContext.Default.GetCompositeScheduleResponse);
        }

        return Payloads.Reply(
            new GetCompositeScheduleResponse
            {
                Status = GetCompositeScheduleStatus.Accepted,
                ConnectorId = request.ConnectorId,
                ScheduleStart = schedule.Start,
                ChargingSchedule = new ChargingSchedule
                {
                    Duration = request.Duration,
                    StartSchedule = schedule.Start,
                    ChargingRateUnit = unit,
                    ChargingSchedulePeriod = [.. schedule.Periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.StartPeriod, Limit = (decimal)p.Limit })],
                },
            },
            V16JsonContext.Default.GetCompositeScheduleResponse);
    }
}
