namespace Iskra.Csms.Access;

/// <summary>
/// One command or raw OCPP call an API user sent (who, when, what, and what the station answered), or one
/// administration change (<see cref="AdminActions"/>: who changed which key, station, webhook or id tag, and
/// the names of the fields that changed).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>The API key's name and id, e.g. <c>ops-script (k3Fq9aB2)</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>The station the entry concerns: a command's station, or the station administered; null for other targets.</summary>
    public string? StationId { get; set; }

    /// <summary>The command name (<c>reset</c>), <c>ocpp/{Action}</c> for a raw call, or the administration action (<c>station.updated</c>).</summary>
    public required string Command { get; set; }

    /// <summary>The OCPP action sent, when one was.</summary>
    public string? Action { get; set; }

    /// <summary>The OCPP payload sent (or the body when nothing was sent).</summary>
    public string? Request { get; set; }

    /// <summary>The station's status, or what went wrong: <c>NotConnected</c>, <c>Timeout</c>, <c>CallError:NotSupported</c>, <c>Invalid</c>.</summary>
    public required string Outcome { get; set; }

    /// <summary>The station's raw reply (CALLRESULT payload or CALLERROR description).</summary>
    public string? Response { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>What an administration change was made to: the station id, API key id, webhook id or id tag; null for a command.</summary>
    public string? Target { get; set; }

    /// <summary>The names of the fields an administration change set, comma-separated, never their values; null for a command.</summary>
    public string? Fields { get; set; }
}
