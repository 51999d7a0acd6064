using Iskra.Csms.History;

namespace Iskra.Server.Api.History;

/// <summary>How long a connector was in one status within the period, in seconds.</summary>
public sealed record StatusDurationView(string Status, double Seconds)
{
    public static StatusDurationView From(StatusDuration duration) => new(duration.Status, duration.Duration.TotalSeconds);
}
