using System.Globalization;
using Iskra.Csms.Routing;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Transactions.V16;

public sealed class MeterValuesHandler(TransactionService transactions) : IOcppHandler<MeterValuesRequest, MeterValuesResponse>
{
    private static readonly MeterValuesResponse Empty = new();

    public async ValueTask<MeterValuesResponse> HandleAsync(StationContext station, MeterValuesRequest request, CancellationToken cancellationToken)
    {
        await transactions.MeterValuesAsync(
            station.StationId, request.ConnectorId, request.ConnectorId,
            request.TransactionId?.ToString(CultureInfo.InvariantCulture), MeterReadings.From(request.MeterValue), cancellationToken).ConfigureAwait(false);
        return Empty;
    }
}
