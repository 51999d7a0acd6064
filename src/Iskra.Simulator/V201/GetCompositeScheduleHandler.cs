using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.SmartCharging;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 K08 GetCompositeSchedule: the EVSE's (0: the station's) composite schedule from now; Rejected for an unknown EVSE.</summary>
internal static class GetCompositeScheduleHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetCompositeScheduleRequest);
        var unit = request.ChargingRateUnit ?? ChargingRateUnitEnumType.W;
        var composite = await ProfileActions.CompositeAsync(station, request.EvseId, request.Duration, ProfileMapping.Unit(unit)).ConfigureAwait(false);
        if (composite is not { } schedule)
        {
            return Payloads.Reply(new GetCompositeScheduleResponse { Status = GenericStatusEnumType.Rejected }, V201JsonContext.Default.GetCompositeScheduleResponse);
        }

        return Payloads.Reply(
            new GetCompositeScheduleResponse
            {
                Status = GenericStatusEnumType.Accepted,
                Schedule = new CompositeScheduleType
                {
                    EvseId = request.EvseId,
                    Duration = request.Duration,
                    ScheduleStart = schedule.Start,
                    ChargingRateUnit = unit,
                    ChargingSchedulePeriod = [.. schedule.Periods.Select(p => new ChargingSchedulePeriodType { StartPeriod = p.StartPeriod, Limit = (decimal)p.Limit })],
                },
            },
            V201JsonContext.Default.GetCompositeScheduleResponse);
    }
}
