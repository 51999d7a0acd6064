using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Iskra.Csms.Routing;

namespace Iskra.Csms.Reports;

/// <summary>
/// The handler of every action whose whole job is "store it, then answer": the request is kept
/// verbatim as a <see cref="StationNotice"/> with the facts it is found by, and the answer is fixed
/// by the spec (e.g. an empty response, or Rejected where Iskra does not offer the service yet).
/// </summary>
public sealed class NoticeHandler<TRequest, TResponse>(
    NoticeService notices,
    string action,
    JsonTypeInfo<TRequest> requestType,
    Func<TRequest, NoticeFacts> describe,
    Func<TRequest, TResponse> respond) : IOcppHandler<TRequest, TResponse>
{
    public async ValueTask<TResponse> HandleAsync(StationContext station, TRequest request, CancellationToken cancellationToken)
    {
        var facts = describe(request);
        var payload = JsonSerializer.Serialize(request, requestType);
        await notices.RecordAsync(station.StationId, action, facts.RequestId, facts.Status, facts.Timestamp, payload, cancellationToken).ConfigureAwait(false);
        return respond(request);
    }
}
