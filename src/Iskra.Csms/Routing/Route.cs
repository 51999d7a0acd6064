using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Iskra.Csms.Reports;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Routing;

/// <summary>One line of a route table: an action of the catalog and the handler that answers it.</summary>
public sealed class Route
{
    private readonly Func<StationContext, JsonElement, CancellationToken, ValueTask<RpcReply>> _dispatch;

    private Route(OcppAction action, Func<StationContext, JsonElement, CancellationToken, ValueTask<RpcReply>> dispatch)
    {
        Action = action;
        _dispatch = dispatch;
    }

    public OcppAction Action { get; }

    /// <summary>A route for <paramref name="action"/>, whose catalog types must be <typeparamref name="TRequest"/> and <typeparamref name="TResponse"/>.</summary>
    public static Route To<TRequest, TResponse>(OcppAction action, IOcppHandler<TRequest, TResponse> handler)
    {
        var requestType = (JsonTypeInfo<TRequest>)action.RequestType;
        var responseType = (JsonTypeInfo<TResponse>)action.ResponseType;
        return new Route(action, async (station, payload, ct) =>
        {
            var request = payload.Deserialize(requestType)!;
            var response = await handler.HandleAsync(station, request, ct).ConfigureAwait(false);
            return RpcReply.Result(response!, responseType);
        });
    }

    /// <summary>A route for the handler's action, named after the handler type (<c>&lt;Action&gt;Handler</c>).</summary>
    public static Route For<TRequest, TResponse>(OcppVersion version, IOcppHandler<TRequest, TResponse> handler) =>
        To(OcppCatalogs.Get(version, ActionName(handler.GetType().Name)), handler);

    /// <summary>A store-and-acknowledge route (<see cref="NoticeHandler{TRequest, TResponse}"/>) for the request type's action.</summary>
    public static Route Notice<TRequest, TResponse>(
        OcppVersion version, NoticeService notices, JsonTypeInfo<TRequest> requestType,
        Func<TRequest, NoticeFacts> describe, Func<TRequest, TResponse> respond)
    {
        var action = OcppCatalogs.Get(version, ActionName(typeof(TRequest).Name));
        return To(action, new NoticeHandler<TRequest, TResponse>(notices, action.Name, requestType, describe, respond));
    }

    private static string ActionName(string typeName) =>
        typeName.EndsWith("Handler", StringComparison.Ordinal) ? typeName[..^"Handler".Length]
        : typeName.EndsWith("Request", StringComparison.Ordinal) ? typeName[..^"Request".Length]
        : typeName;

    public ValueTask<RpcReply> DispatchAsync(StationContext station, JsonElement payload, CancellationToken cancellationToken) =>
        _dispatch(station, payload, cancellationToken);
}
