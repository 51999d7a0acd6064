using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Iskra.Csms.Routing;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Tests.Infrastructure;

/// <summary>
/// One connected station, without a network: the outbound contract of <see cref="IStationChannel"/>
/// (the station's version only, one check of the request, one of the answer) over scripted answers.
/// Counts the request checks and keeps what went out, so a test sees what a station would have received.
/// </summary>
public sealed class FakeStationChannel(string stationId, OcppVersion version) : IStationChannel, IStationChannels
{
    private readonly Dictionary<string, JsonElement> _answers = new(StringComparer.Ordinal);
    private readonly List<(string Action, JsonElement Payload)> _sent = [];

    public string StationId { get; } = stationId;

    public OcppVersion Version { get; } = version;

    public bool IsOpen => true;

    /// <summary>How many typed requests were checked against their schema.</summary>
    public int Checks { get; private set; }

    /// <summary>Every call that left for the station, in order.</summary>
    public IReadOnlyList<(string Action, JsonElement Payload)> Sent => _sent;

    /// <summary>The station answers <paramref name="action"/> with <paramref name="json"/> from now on.</summary>
    public FakeStationChannel Answer(string action, string json)
    {
        _answers[action] = JsonDocument.Parse(json).RootElement.Clone();
        return this;
    }

    public bool TryGetChannel(string stationId, [NotNullWhen(true)] out IStationChannel? channel)
    {
        channel = stationId == StationId ? this : null;
        return channel is not null;
    }

    public async Task<TResponse> CallAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, TRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (await CallForAnswerAsync(action, request, timeout, cancellationToken)).Response;

    public async Task<StationAnswer<TResponse>> CallForAnswerAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, TRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Version != Version)
        {
            throw new ArgumentException($"{action.Name} of OCPP {action.Version.DisplayName()} cannot go to a {Version.DisplayName()} station.", nameof(action));
        }

        var payload = JsonSerializer.SerializeToElement(request, action.RequestType);
        Checks++;
        if (action.Action.ValidateRequest(payload) is { } invalid)
        {
            throw new OcppRequestInvalidException(action.Name, invalid);
        }

        var response = await CallRawAsync(action.Name, payload, timeout, cancellationToken);
        if (action.Action.ValidateResponse(response) is { } error)
        {
            throw new OcppInvalidResponseException(action.Name, error, response);
        }

        return new StationAnswer<TResponse>(response.Deserialize(action.ResponseType)!, response);
    }

    public Task<JsonElement> CallRawAsync(string action, JsonElement payload, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        _sent.Add((action, payload));
        return _answers.TryGetValue(action, out var answer)
            ? Task.FromResult(answer)
            : Task.FromException<JsonElement>(new OcppCallTimeoutException(action, timeout ?? TimeSpan.FromSeconds(30)));
    }
}
