using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Reports.V201;

/// <summary>NotifyReport (B07/B08): every reported attribute becomes a queryable <see cref="DeviceModelVariable"/>.</summary>
public sealed class NotifyReportHandler(NoticeService notices, ReportChains chains) : IOcppHandler<NotifyReportRequest, NotifyReportResponse>
{
    public async ValueTask<NotifyReportResponse> HandleAsync(StationContext station, NotifyReportRequest request, CancellationToken cancellationToken)
    {
        var rows = new List<DeviceModelVariable>();
        foreach (var data in request.ReportData ?? [])
        {
            foreach (var attribute in data.VariableAttribute)
            {
                rows.Add(new DeviceModelVariable
                {
                    StationId = station.StationId,
                    Component = data.Component.Name,
                    ComponentInstance = data.Component.Instance ?? "",
                    EvseId = data.Component.Evse?.Id ?? 0,
                    ConnectorId = data.Component.Evse?.ConnectorId ?? 0,
                    Variable = data.Variable.Name,
                    VariableInstance = data.Variable.Instance ?? "",
                    AttributeType = WireName.Of(attribute.Type) ?? "Actual",
                    Value = attribute.Value,
                    Mutability = WireName.Of(attribute.Mutability),
                    DataType = data.VariableCharacteristics is { } c ? WireName.Of(c.DataType) : null,
                    Unit = data.VariableCharacteristics?.Unit,
                });
            }
        }

        await notices.ReportAsync(station.StationId, request.RequestId, rows, cancellationToken).ConfigureAwait(false);
        await chains.PartAsync(station.StationId, request.RequestId, request.SeqNo, request.Tbc ?? false, cancellationToken).ConfigureAwait(false);
        return new();
    }
}
