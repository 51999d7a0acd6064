using Iskra.Csms.Authorization.V16;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Transactions.V16;

/// <summary>1.6 StopTransaction with its transactionData; an unknown transaction is stored and flagged.</summary>
public sealed class StopTransactionHandler(TransactionService transactions) : IOcppHandler<StopTransactionRequest, StopTransactionResponse>
{
    public async ValueTask<StopTransactionResponse> HandleAsync(StationContext station, StopTransactionRequest request, CancellationToken cancellationToken)
    {
        var stop = new StopTransactionInput(
            request.TransactionId, request.IdTag, request.MeterStop, request.Timestamp, WireName.Of(request.Reason),
            MeterReadings.From(request.TransactionData));
        var auth = await transactions.StopAsync(station.StationId, stop, cancellationToken).ConfigureAwait(false);
        return new() { IdTagInfo = auth is { } a ? IdTagInfos.From(a) : null };
    }
}
