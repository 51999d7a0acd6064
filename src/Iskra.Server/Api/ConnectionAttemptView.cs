using Iskra.Csms.Stations;

namespace Iskra.Server.Api;

/// <summary>
/// Refused handshakes of one (minute, address, station id, reason): the last and first time, how many,
/// from where, the station id as given (escaped) and why. A row over the per-minute cap has no address and no id.
/// </summary>
public sealed record ConnectionAttemptView(long Id, DateTimeOffset Time, DateTimeOffset FirstTime, int Count, string? Address, string? StationId, string Reason)
{
    public static ConnectionAttemptView From(ConnectionAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Id, attempt.Timestamp, attempt.FirstSeen, attempt.Count, attempt.RemoteAddress, attempt.StationId, attempt.Reason.ToString());
    }
}
