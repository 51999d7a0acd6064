using Iskra.Csms.RemoteControl;
using Iskra.Csms.Storage;
using Iskra.Ocpp.V201.Messages;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Authorization;

/// <summary>
/// The 2.0.1 IdTokenEnumType for a 1.6-style idTag of a command: the one the operator gave, else the
/// one stored with the id tag, else <c>Central</c> (the type Iskra also gives group tokens).
/// </summary>
public static class IdTokenTypes
{
    public const string Default = "Central";

    public static readonly string[] All = ["Central", "eMAID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress", "NoAuthorization"];

    /// <summary>The stored types of <paramref name="idTags"/> (only those that have one).</summary>
    public static async Task<Dictionary<string, string>> StoredAsync(IDbContextFactory<IskraDbContext> contexts, IReadOnlyCollection<string> idTags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        if (idTags.Count == 0)
        {
            return new(StringComparer.Ordinal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.IdTags.AsNoTracking()
            .Where(t => idTags.Contains(t.Value) && t.Type != null)
            .Select(t => new { t.Value, t.Type })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Value, r => r.Type!, StringComparer.Ordinal);
    }

    /// <summary>The 2.0.1 IdTokenType of <paramref name="idToken"/> with its <paramref name="type"/>; a type the schema lacks is refused at <paramref name="path"/>.</summary>
    public static IdTokenType Token(string idToken, string type, string path) =>
        new() { IdToken = idToken, Type = CommandJson.Enum(type, V201JsonContext.Default.IdTokenEnumType, path) };
}
