using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.2 ChangeAvailability: connector 0 is the whole station; a running transaction makes it Scheduled.</summary>
internal static class ChangeAvailabilityHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.ChangeAvailabilityRequest);
        var status = AvailabilityStatus.Rejected; // a connector the station does not have
        if (request.ConnectorId >= 0 && request.ConnectorId <= station.Connectors.Count)
        {
            var connector = request.ConnectorId == 0 ? null : station.Connector(request.ConnectorId);
            var outcome = await AvailabilityRules.ChangeAsync(station, connector, request.Type == AvailabilityType.Operative).ConfigureAwait(false);
            status = outcome switch
            {
                AvailabilityOutcome.Accepted => AvailabilityStatus.Accepted,
                AvailabilityOutcome.Scheduled => AvailabilityStatus.Scheduled,
                _ => AvailabilityStatus.Rejected,
            };
        }

        return Payloads.Reply(new ChangeAvailabilityResponse { Status = status }, V16JsonContext.Default.ChangeAvailabilityResponse);
    }
}
