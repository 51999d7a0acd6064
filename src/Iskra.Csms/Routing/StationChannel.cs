using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Routing;

/// <summary><see cref="IStationChannel"/> over the station's live <see cref="RpcChannel"/> in this process.</summary>
public sealed class StationChannel(string stationId, RpcChannel channel) : IStationChannel
{
    public string StationId { get; } = stationId;

    public OcppVersion Version => channel.Version;

    public bool IsOpen => channel.IsOpen;

    public async Task<TResponse> CallAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, TRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (await CallForAnswerAsync(action, request, timeout, cancellationToken).ConfigureAwait(false)).Response;

    public async Task<StationAnswer<TResponse>> CallForAnswerAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, TRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(request);
        if (action.Version != channel.Version)
        {
            throw new ArgumentException($"{action.Name} of OCPP {action.Version.DisplayName()} cannot go to a station that speaks {channel.Version.DisplayName()}.", nameof(action));
        }

        if ((action.Action.Direction & OcppDirection.CsmsToStation) == 0)
        {
            throw new ArgumentException($"{action.Name} is sent by stations, not to them.", nameof(action));
        }

        // One validation, on the payload exactly as it will be sent.
        var payload = JsonSerializer.SerializeToElement(request, action.RequestType);
        if (action.Action.ValidateRequest(payload) is { } invalid)
        {
            throw new OcppRequestInvalidException(action.Name, invalid);
        }

        var response = await channel.CallAsync(action.Name, payload, timeout, cancellationToken).ConfigureAwait(false);
        if (action.Action.ValidateResponse(response) is { } error)
        {
            throw new OcppInvalidResponseException(action.Name, error, response);
        }

        return new StationAnswer<TResponse>(response.Deserialize(action.ResponseType)!, response);
    }

    public Task<JsonElement> CallRawAsync(string action, JsonElement payload, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(action, payload, timeout, cancellationToken);
}
