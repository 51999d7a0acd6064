using Iskra.Csms.Routing;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Transactions.V201;

/// <summary>2.0.1 MeterValues are outside transactions (J01); transaction values come in TransactionEvent.</summary>
public sealed class MeterValuesHandler(TransactionService transactions) : IOcppHandler<MeterValuesRequest, MeterValuesResponse>
{
    public async ValueTask<MeterValuesResponse> HandleAsync(StationContext station, MeterValuesRequest request, CancellationToken cancellationToken)
    {
        await transactions.MeterValuesAsync(station.StationId, request.EvseId, 0, null, MeterReadings.From(request.MeterValue), cancellationToken).ConfigureAwait(false);
        return new();
    }
}
