using System.Text.Json;
using Iskra.Csms.Routing;
using Iskra.Ocpp;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// What a command becomes on one station: a typed request of the station's version, made with
/// <see cref="Of{TRequest, TResponse}"/>. <see cref="Request"/> is that request as it goes on the wire
/// (for the audit row and the apply step); <see cref="State"/> carries what the apply step needs from
/// the build step (an allocated id, say).
/// </summary>
public sealed class CommandCall
{
    private readonly Func<IStationChannel, CancellationToken, Task<JsonElement>> _send;

    private CommandCall(OcppAction action, JsonElement request, Func<IStationChannel, CancellationToken, Task<JsonElement>> send, object? state, CommandIds? ids)
    {
        Action = action.Name;
        Version = action.Version;
        Request = request;
        State = state;
        Ids = ids;
        _send = send;
    }

    /// <summary>The OCPP action, e.g. <c>RemoteStartTransaction</c>.</summary>
    public string Action { get; }

    /// <summary>The OCPP version whose message this is; it must be the station's.</summary>
    public OcppVersion Version { get; }

    /// <summary>The request as it is sent: written once, with the generated type info of <see cref="Action"/>.</summary>
    public JsonElement Request { get; }

    public object? State { get; }

    /// <summary>Ids allocated for this command, returned to the API client beside the station's answer.</summary>
    public CommandIds? Ids { get; }

    /// <summary>The call <paramref name="call"/> with <paramref name="request"/>, e.g. <c>CommandCall.Of(V16Calls.Reset, new ResetRequest { Type = ResetType.Soft })</c>.</summary>
    public static CommandCall Of<TRequest, TResponse>(OcppCall<TRequest, TResponse> call, TRequest request, object? state = null, CommandIds? ids = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(request);
        return new CommandCall(
            call.Action,
            JsonSerializer.SerializeToElement(request, call.RequestType),
            async (channel, cancellationToken) => (await channel.CallForAnswerAsync(call, request, null, cancellationToken).ConfigureAwait(false)).Raw,
            state,
            ids);
    }

    /// <summary>
    /// Sends the request through <paramref name="channel"/>, which checks it against its schema once, and
    /// returns the station's answer, checked against the response's schema, as the station sent it.
    /// </summary>
    public Task<JsonElement> SendAsync(IStationChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return _send(channel, cancellationToken);
    }
}
