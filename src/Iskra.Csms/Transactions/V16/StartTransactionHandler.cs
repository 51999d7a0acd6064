using Iskra.Csms.Authorization.V16;
using Iskra.Csms.Routing;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Transactions.V16;

/// <summary>1.6 StartTransaction: always answered with a transaction id; an unknown or blocked tag is flagged, never a CALLERROR.</summary>
public sealed class StartTransactionHandler(TransactionService transactions) : IOcppHandler<StartTransactionRequest, StartTransactionResponse>
{
    public async ValueTask<StartTransactionResponse> HandleAsync(StationContext station, StartTransactionRequest request, CancellationToken cancellationToken)
    {
        var start = new StartTransactionInput(request.ConnectorId, request.IdTag, request.MeterStart, request.Timestamp, request.ReservationId);
        var (id, auth) = await transactions.StartAsync(station.StationId, start, cancellationToken).ConfigureAwait(false);
        return new() { TransactionId = id, IdTagInfo = IdTagInfos.From(auth) };
    }
}
