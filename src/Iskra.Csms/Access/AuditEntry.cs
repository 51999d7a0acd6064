namespace Iskra.Csms.Access;

/// <summary>One command or raw OCPP call an API user sent: who, when, what, and what the station answered.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>The API key's name and id, e.g. <c>ops-script (k3Fq9aB2)</c>.</summary>
    public required string Actor { get; set; }

    public required string StationId { get; set; }

    /// <summary>The command name (<c>reset</c>) or <c>ocpp/{Action}</c> for a raw call.</summary>
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
}
