using Iskra.Csms.Authorization.V201;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Transactions.V201;

/// <summary>2.0.1 TransactionEvent: Started/Updated/Ended over the one <see cref="TransactionService"/>; Ended is answered with the final cost.</summary>
public sealed class TransactionEventHandler(TransactionService transactions) : IOcppHandler<TransactionEventRequest, TransactionEventResponse>
{
    public async ValueTask<TransactionEventResponse> HandleAsync(StationContext station, TransactionEventRequest request, CancellationToken cancellationToken)
    {
        var info = request.TransactionInfo;
        var input = new TransactionEventInput(
            WireName.Of(request.EventType),
            request.Timestamp,
            WireName.Of(request.TriggerReason),
            request.SeqNo,
            request.Offline ?? false,
            info.TransactionId,
            WireName.Of(info.ChargingState),
            WireName.Of(info.StoppedReason),
            info.RemoteStartId,
            request.IdToken?.IdToken,
            request.IdToken is { } token ? WireName.Of(token.Type) : null,
            request.Evse?.Id,
            request.Evse?.ConnectorId,
            request.ReservationId,
            MeterReadings.From(request.MeterValue));
        var (auth, finalCost) = await transactions.EventAsync(station.StationId, input, cancellationToken).ConfigureAwait(false);
        // E01.FR / C: an idTokenInfo is returned only when the event carried an idToken.
        // I03 (and the schema): totalCost only once charging has ended, including taxes; 0.00 for a free session.
        return new() { IdTokenInfo = auth is { } a ? IdTokenInfos.From(a) : null, TotalCost = finalCost?.Amount };
    }
}
