using System.Text.Json;
using Iskra.Csms.Reports;
using Iskra.Csms.Routing;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.DataTransfer.V201;

/// <summary>
/// DataTransfer (2.0.1 P02): kept as a notice (found by its vendor id), then answered by the vendor's
/// <see cref="IDataTransferHandler"/> through <see cref="DataTransferHandlers"/>. 2.0.1 data may be any
/// JSON value: a JSON string reaches the handler as its text, anything else as its JSON text; the
/// handler's data goes back as a JSON string.
/// </summary>
public sealed class DataTransferHandler(NoticeService notices, DataTransferHandlers handlers) : IOcppHandler<DataTransferRequest, DataTransferResponse>
{
    public async ValueTask<DataTransferResponse> HandleAsync(StationContext station, DataTransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);
        var payload = JsonSerializer.Serialize(request, V201JsonContext.Default.DataTransferRequest);
        await notices.RecordAsync(station.StationId, "DataTransfer", null, request.VendorId, null, payload, cancellationToken).ConfigureAwait(false);
        var data = request.Data switch
        {
            null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { } json => json.GetRawText(),
        };
        var reply = await handlers.HandleAsync(station.StationId, request.VendorId, request.MessageId, data, cancellationToken).ConfigureAwait(false);
        return new DataTransferResponse
        {
            Status = Status(reply.Status),
            Data = reply.Data is null ? null : JsonSerializer.SerializeToElement(reply.Data, CsmsJsonContext.Default.String),
        };
    }

    private static DataTransferStatusEnumType Status(string status) => status switch
    {
        DataTransferReply.AcceptedStatus => DataTransferStatusEnumType.Accepted,
        DataTransferReply.RejectedStatus => DataTransferStatusEnumType.Rejected,
        DataTransferReply.UnknownMessageIdStatus => DataTransferStatusEnumType.UnknownMessageId,
        _ => DataTransferStatusEnumType.UnknownVendorId,
    };
}
