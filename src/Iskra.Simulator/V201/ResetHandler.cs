using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 B11/B12 Reset: Immediate reboots now (transactions end with ImmediateReset); OnIdle reboots at
/// once when no transaction runs, else answers Scheduled and reboots when the last one ends. Resetting a
/// single EVSE is not supported: a request with evseId is Rejected.
/// </summary>
internal static class ResetHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.ResetRequest);
        ResetStatusEnumType status;
        if (request.EvseId is not null)
        {
            status = ResetStatusEnumType.Rejected;
        }
        else if (request.Type == ResetEnumType.Immediate)
        {
            Resets.RebootSoon(station, "HardReset");
            status = ResetStatusEnumType.Accepted;
        }
        else if (await station.LockedAsync(() => Resets.Busy(station)).ConfigureAwait(false))
        {
            Resets.RebootWhenIdle(station, "SoftReset");
            status = ResetStatusEnumType.Scheduled;
        }
        else
        {
            Resets.RebootSoon(station, "SoftReset");
            status = ResetStatusEnumType.Accepted;
        }

        return Payloads.Reply(new ResetResponse { Status = status }, V201JsonContext.Default.ResetResponse);
    }
}
