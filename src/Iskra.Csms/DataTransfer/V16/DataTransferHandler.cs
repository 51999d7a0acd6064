using System.Text.Json;
using Iskra.Csms.Reports;
using Iskra.Csms.Routing;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.DataTransfer.V16;

/// <summary>
/// DataTransfer (1.6 §4.3, §6.15): kept as a notice (found by its vendor id, as before any handler
/// existed), then answered by the vendor's <see cref="IDataTransferHandler"/> through <see cref="DataTransferHandlers"/>.
/// </summary>
public sealed class DataTransferHandler(NoticeService notices, DataTransferHandlers handlers) : IOcppHandler<DataTransferRequest, DataTransferResponse>
{
    public async ValueTask<DataTransferResponse> HandleAsync(StationContext station, DataTransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);
        var payload = JsonSerializer.Serialize(request, V16JsonContext.Default.DataTransferRequest);
        await notices.RecordAsync(station.StationId, "DataTransfer", null, request.VendorId, null, payload, cancellationToken).ConfigureAwait(false);
        var reply = await handlers.HandleAsync(station.StationId, request.VendorId, request.MessageId, request.Data, cancellationToken).ConfigureAwait(false);
        return new DataTransferResponse { Status = Status(reply.Status), Data = reply.Data };
    }

    private static DataTransferStatus Status(string status) => status switch
    {
        DataTransferReply.AcceptedStatus => DataTransferStatus.Accepted,
        DataTransferReply.RejectedStatus => DataTransferStatus.Rejected,
        DataTransferReply.UnknownMessageIdStatus => DataTransferStatus.UnknownMessageId,
        _ => DataTransferStatus.UnknownVendorId,
    };
}
