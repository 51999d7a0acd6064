using Iskra.Csms.Stations;

namespace Iskra.Server.Api;

/// <summary>A refused handshake: when, from where, the station id as given (escaped) and why.</summary>
public sealed record ConnectionAttemptView(long Id, DateTimeOffset Time, string? Address, string? StationId, string Reason)
{
    public static ConnectionAttemptView From(ConnectionAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Id, attempt.Timestamp, attempt.RemoteAddress, attempt.StationId, attempt.Reason.ToString());
    }
}
