using Iskra.Csms.Access;

namespace Iskra.Server.Api;

/// <summary>
/// One audit entry. A command or raw call an API user sent: who, when, what was sent (JSON text) and what the
/// station answered. An administration change: who, when, the action as <c>command</c> (<c>station.updated</c>),
/// its <c>target</c> and the names of the <c>fields</c> it set (never their values).
/// </summary>
public sealed record AuditView(
    long Id, DateTimeOffset Timestamp, string Actor, string? StationId, string Command, string? Action,
    string? Request, string Outcome, string? Response, DateTimeOffset? AnsweredAt, string? Target, IReadOnlyList<string> Fields)
{
    public static AuditView From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            entry.Id, entry.Timestamp, entry.Actor, entry.StationId, entry.Command, entry.Action, entry.Request, entry.Outcome, entry.Response, entry.AnsweredAt,
            entry.Target, string.IsNullOrEmpty(entry.Fields) ? [] : entry.Fields.Split(','));
    }
}
