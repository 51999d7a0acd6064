using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 G03 (no evse, or evse 0: the whole station) and G04 (one EVSE) ChangeAvailability: Scheduled
/// while a transaction runs there, applied when it ends; Rejected for an EVSE or connector the station does not have.
/// </summary>
internal static class ChangeAvailabilityHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.ChangeAvailabilityRequest);
        var evse = request.Evse;
        var status = ChangeAvailabilityStatusEnumType.Rejected;
        if (evse is null || (evse.Id >= 0 && evse.Id <= station.Connectors.Count && evse.ConnectorId is null or 1))
        {
            var connector = evse is null || evse.Id == 0 ? null : station.Connector(evse.Id);
            var outcome = await AvailabilityRules.ChangeAsync(station, connector, request.OperationalStatus == OperationalStatusEnumType.Operative).ConfigureAwait(false);
            status = outcome switch
            {
                AvailabilityOutcome.Accepted => ChangeAvailabilityStatusEnumType.Accepted,
                AvailabilityOutcome.Scheduled => ChangeAvailabilityStatusEnumType.Scheduled,
                _ => ChangeAvailabilityStatusEnumType.Rejected,
            };
        }

        return Payloads.Reply(new ChangeAvailabilityResponse { Status = status }, V201JsonContext.Default.ChangeAvailabilityResponse);
    }
}
