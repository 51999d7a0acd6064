using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Configuration;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.3 ChangeConfiguration: NotSupported for an unknown key, Rejected for a read-only key or a bad value.</summary>
internal static class ChangeConfigurationHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.ChangeConfigurationRequest);
        var change = ConfigurationChanges.Apply(station, request.Key, request.Value);
        var status = change switch
        {
            ConfigurationChange.Accepted => ConfigurationStatus.Accepted,
            ConfigurationChange.RebootRequired => ConfigurationStatus.RebootRequired,
            ConfigurationChange.NotSupported => ConfigurationStatus.NotSupported,
            _ => ConfigurationStatus.Rejected,
        };
        return ValueTask.FromResult(Payloads.Reply(new ChangeConfigurationResponse { Status = status }, V16JsonContext.Default.ChangeConfigurationResponse));
    }
}
