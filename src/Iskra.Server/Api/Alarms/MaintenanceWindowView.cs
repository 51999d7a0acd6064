using Iskra.Csms.Alarms;

namespace Iskra.Server.Api.Alarms;

/// <summary>A station's maintenance window: alarms opening inside it are kept but marked silenced and not notified.</summary>
public sealed record MaintenanceWindowView(long Id, string StationId, DateTimeOffset From, DateTimeOffset Until, string? Reason, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static MaintenanceWindowView Of(AlarmSilence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        return new(silence.Id, silence.StationId, silence.From, silence.Until, silence.Reason, silence.CreatedBy, silence.CreatedAt);
    }
}

/// <summary>The body that opens a maintenance window: <c>until</c> is required, <c>from</c> defaults to now.</summary>
public sealed record NewMaintenanceWindow(DateTimeOffset? From, DateTimeOffset? Until, string? Reason);
