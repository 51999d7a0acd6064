using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.SmartCharging;

/// <summary>
/// <c>get-composite-schedule {connectorId, duration, chargingRateUnit?}</c> → GetCompositeSchedule
/// (1.6 connectorId; 2.0.1 evseId, K08). The status and the schedule come back in the answer.
/// </summary>
public sealed class GetCompositeScheduleCommand : StationCommand
{
    public override string Name => "get-composite-schedule";

    public override IReadOnlyList<string> Fields { get; } = ["connectorId", "duration", "chargingRateUnit"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var connectorId = body.RequiredInt("connectorId");
        var duration = body.RequiredInt("duration");
        var unit = body.OptionalEnum("chargingRateUnit", "A", "W");
        return ValueTask.FromResult(context.Version == OcppVersion.V16
            ? CommandCall.Of(V16Calls.GetCompositeSchedule, new Ocpp16.GetCompositeScheduleRequest
            {
                ConnectorId = connectorId,
                Duration = duration,
                ChargingRateUnit = unit is null ? null : CommandJson.Enum(unit, Ocpp16.V16JsonContext.Default.ChargingRateUnitType, "$.chargingRateUnit"),
            })
            : CommandCall.Of(V201Calls.GetCompositeSchedule, new Ocpp201.GetCompositeScheduleRequest
            {
                EvseId = connectorId,
                Duration = duration,
                ChargingRateUnit = unit is null ? null : CommandJson.Enum(unit, Ocpp201.V201JsonContext.Default.ChargingRateUnitEnumType, "$.chargingRateUnit"),
            }));
    }
}
