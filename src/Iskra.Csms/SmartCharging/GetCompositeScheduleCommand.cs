using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;

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
        var payload = new JsonObject
        {
            [context.Version == OcppVersion.V16 ? "connectorId" : "evseId"] = connectorId,
            ["duration"] = duration,
        };
        if (unit is not null)
        {
            payload["chargingRateUnit"] = unit;
        }

        return ValueTask.FromResult(new CommandCall("GetCompositeSchedule", payload));
    }
}
