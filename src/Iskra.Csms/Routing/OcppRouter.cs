using System.Collections.Frozen;
using System.Text.Json;
using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Routing;

/// <summary>
/// Dispatches a station's CALL: the catalog says whether the action exists (else NotImplemented), the
/// route table whether Iskra answers it (else NotSupported), the generated validator whether the
/// payload is valid (else its exact error code), and then the handler answers. No reflection: the
/// tables are built once from the explicit lists in <see cref="V16Routes"/> and <see cref="V201Routes"/>.
/// </summary>
public sealed class OcppRouter
{
    private readonly FrozenDictionary<string, Route> _v16;
    private readonly FrozenDictionary<string, Route> _v201;

    public OcppRouter(IEnumerable<Route> routes)
    {
        var all = routes.ToList();
        _v16 = all.Where(r => r.Action.Version == OcppVersion.V16).ToFrozenDictionary(r => r.Action.Name, StringComparer.Ordinal);
        _v201 = all.Where(r => r.Action.Version == OcppVersion.V201).ToFrozenDictionary(r => r.Action.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Routed(OcppVersion version) => Table(version).Keys;

    public async ValueTask<RpcReply> DispatchAsync(StationContext station, RpcCall call, CancellationToken cancellationToken)
    {
        var action = OcppCatalogs.Find(station.Version, call.Action);
        if (action is null)
        {
            return RpcReply.Error(OcppErrorCode.NotImplemented, $"Unknown action {Truncate(call.Action)}");
        }

        if (!Table(station.Version).TryGetValue(call.Action, out var route))
        {
            return RpcReply.Error(OcppErrorCode.NotSupported, $"{action.Name} is not supported by the CSMS");
        }

        if (action.ValidateRequest(call.Payload) is { } violation)
        {
            return RpcReply.Error(violation.Code, $"{violation.Path}: {violation.Message}");
        }

        if (station.Registration is not RegistrationState.Accepted && !AllowedBeforeAcceptance(station.Registration, call.Action))
        {
            // B02.FR.09 / B03.FR.07 (TC_B_30_CSMS): until it is accepted, a station may only boot,
            // and while Pending answer what the CSMS asked for (reports). The same on 1.6: OCPP 1.6
            // §4.2 lets a Pending or Rejected charge point send nothing but BootNotification, and
            // OCPP-J 1.6 errata §5.6 recommends a CALLERROR SecurityError for anything else.
            return RpcReply.Error(OcppErrorCode.SecurityError, "The station is not accepted; send BootNotification first");
        }

        return await route.DispatchAsync(station, call.Payload, cancellationToken).ConfigureAwait(false);
    }

    private static bool AllowedBeforeAcceptance(RegistrationState? registration, string action) =>
        action is "BootNotification" || (registration is RegistrationState.Pending && action is "NotifyReport" or "NotifyMonitoringReport");

    private FrozenDictionary<string, Route> Table(OcppVersion version) => version == OcppVersion.V16 ? _v16 : _v201;

    private static string Truncate(string s) => s.Length <= 50 ? s : s[..50];
}
