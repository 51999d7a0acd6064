using Iskra.Csms.Access;

namespace Iskra.Server.Api;

/// <summary>One command or raw call an API user sent: who, when, what was sent (JSON text) and what the station answered.</summary>
public sealed record AuditView(
    long Id, DateTimeOffset Timestamp, string Actor, string StationId, string Command, string? Action,
    string? Request, string Outcome, string? Response, DateTimeOffset? AnsweredAt)
{
    public static AuditView From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.Timestamp, entry.Actor, entry.StationId, entry.Command, entry.Action, entry.Request, entry.Outcome, entry.Response, entry.AnsweredAt);
    }
}
