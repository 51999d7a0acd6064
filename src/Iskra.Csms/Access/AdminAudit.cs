using Iskra.Csms.Storage;

namespace Iskra.Csms.Access;

/// <summary>
/// Writes administration to the audit log, beside the commands <c>RemoteControl/StationCommands</c> writes:
/// who (<see cref="ApiCaller.Actor"/>) did which <see cref="AdminActions"/> action to which target, and the
/// names of the fields it set. Only names: no value is kept, so no password, hash, API key, webhook secret
/// or AuthorizationKey can reach the log. A row goes into the change's own SaveChanges where there is one,
/// otherwise it is saved right after the change; either way before the API answers.
/// </summary>
public sealed class AdminAudit(TimeProvider time)
{
    /// <summary>The outcome of an administration row: the change was made (a refused change changes nothing and is not logged).</summary>
    public const string Done = "Done";

    /// <summary>The actor of what Iskra does itself at start-up: the first admin key, <c>ISKRA_API_KEY</c>.</summary>
    public const string StartUp = "Iskra (start-up)";

    /// <summary>A row for <paramref name="action"/> on <paramref name="target"/>; <paramref name="stationId"/> when the target is a station.</summary>
    public AuditEntry Entry(string actor, string action, string target, IEnumerable<string> fields, string? stationId = null) => new()
    {
        Timestamp = time.GetUtcNow(),
        Actor = actor,
        StationId = stationId,
        Command = action,
        Target = target,
        Fields = string.Join(',', fields),
        Outcome = Done,
    };

    /// <summary>Adds the row to <paramref name="db"/>, to be saved with the change.</summary>
    public void Add(IskraDbContext db, string actor, string action, string target, IEnumerable<string> fields, string? stationId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Audit.Add(Entry(actor, action, target, fields, stationId));
    }

    /// <summary>Saves the row for a change already made (a bulk delete), even when the request was cancelled meanwhile: the change happened.</summary>
    public async Task WriteAsync(IskraDbContext db, string actor, string action, string target, IEnumerable<string> fields, string? stationId = null)
    {
        Add(db, actor, action, target, fields, stationId);
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
