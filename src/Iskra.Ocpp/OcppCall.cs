using System.Text.Json.Serialization.Metadata;

namespace Iskra.Ocpp;

/// <summary>
/// An OCPP action, typed: the action of one version with the source-generated type info of its
/// request and response. The generated <c>V16Calls</c> and <c>V201Calls</c> hold one per action, so a
/// caller writes <c>channel.CallAsync(V16Calls.Reset, request)</c> and
/// gets a <c>ResetResponse</c> back (and the lab reads a station's <c>BootNotificationRequest</c> through <c>V16Calls.BootNotification</c>), with no reflection and no action string to mistype.
/// </summary>
public sealed class OcppCall<TRequest, TResponse>(OcppAction action, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType)
{
    /// <summary>The action in its version's catalog (name, direction, validators).</summary>
    public OcppAction Action { get; } = action;

    public JsonTypeInfo<TRequest> RequestType { get; } = requestType;

    public JsonTypeInfo<TResponse> ResponseType { get; } = responseType;

    public string Name => Action.Name;

    public OcppVersion Version => Action.Version;
}
