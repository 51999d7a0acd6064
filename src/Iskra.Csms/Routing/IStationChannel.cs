using System.Text.Json;
using Iskra.Ocpp;

namespace Iskra.Csms.Routing;

/// <summary>
/// The one outbound call path to a connected station (STYLE "Outbound CALL"): operator commands, the
/// test lab and smart charging all talk to a station through this. The implementation keeps one
/// outstanding call per station, so two callers never interleave. A multi-node deployment gives it a
/// second implementation; callers do not change.
/// </summary>
public interface IStationChannel
{
    string StationId { get; }

    OcppVersion Version { get; }

    bool IsOpen { get; }

    /// <summary>
    /// Sends <paramref name="request"/> as <paramref name="action"/> after one check against the request's
    /// official schema, and returns the station's answer once it has passed the response's schema.
    /// </summary>
    /// <exception cref="ArgumentException">The call belongs to another OCPP version than the station's.</exception>
    /// <exception cref="Iskra.Ocpp.Rpc.OcppRequestInvalidException">The request violates its schema; nothing was sent.</exception>
    /// <exception cref="Iskra.Ocpp.Rpc.OcppCallErrorException">The station answered with a CALLERROR.</exception>
    /// <exception cref="Iskra.Ocpp.Rpc.OcppInvalidResponseException">The station's CALLRESULT violates the response schema.</exception>
    /// <exception cref="Iskra.Ocpp.Rpc.OcppCallTimeoutException">No answer in time.</exception>
    /// <exception cref="Iskra.Ocpp.Rpc.StationDisconnectedException">The connection is closed, or closed while waiting.</exception>
    Task<TResponse> CallAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, TRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="CallAsync{TRequest, TResponse}"/>, and the answer also as the station sent it (for the
    /// operator and the audit log). Without an override the answer is the typed response written back.
    /// </summary>
    async Task<StationAnswer<TResponse>> CallForAnswerAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, TRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var response = await CallAsync(action, request, timeout, cancellationToken).ConfigureAwait(false);
        return new StationAnswer<TResponse>(response, JsonSerializer.SerializeToElement(response, action.ResponseType));
    }

    /// <summary>
    /// Sends a payload as it is, unchecked, and returns the answer unchecked: for an operator's raw call
    /// (checked by the caller) and for the lab's deliberate protocol tests.
    /// </summary>
    Task<JsonElement> CallRawAsync(string action, JsonElement payload, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
