using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.8 GetConfiguration: the keys asked (all when none), unknown ones listed apart.</summary>
internal static class GetConfigurationHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.GetConfigurationRequest);
        var asked = request.Key ?? [];

        // 1.6 §9.1.9 GetConfigurationMaxKeys: the most keys one request may name.
        var max = station.Configuration.GetInt("GetConfigurationMaxKeys", 100);
        if (asked.Count > max)
        {
            return ValueTask.FromResult(RpcReply.Error(OcppErrorCode.OccurrenceConstraintViolation, $"At most {max} keys (GetConfigurationMaxKeys) per request."));
        }

        List<KeyValue> known = [];
        List<string> unknown = [];
        if (asked.Count == 0)
        {
            // 1.6 §5.8: no key asked → every key.
            known.AddRange(station.Configuration.All.Select(k => new KeyValue { Key = k.Name, Readonly = k.ReadOnly, Value = k.Value }));
        }
        else
        {
            foreach (var name in asked.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (station.Configuration.Find(name) is { } key)
                {
                    known.Add(new KeyValue { Key = key.Name, Readonly = key.ReadOnly, Value = key.Value });
                }
                else
                {
                    unknown.Add(name);
                }
            }
        }

        return ValueTask.FromResult(Payloads.Reply(
            new GetConfigurationResponse { ConfigurationKey = known.Count > 0 ? known : null, UnknownKey = unknown.Count > 0 ? unknown : null },
            V16JsonContext.Default.GetConfigurationResponse));
    }
}
