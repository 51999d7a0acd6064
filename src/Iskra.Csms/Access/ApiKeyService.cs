using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Access;

/// <summary>
/// Creates, verifies and revokes API keys. A key reads <c>isk_</c> + 8 id characters + 40 secret
/// characters; verification finds the row by id and compares SHA-256 hashes in constant time.
/// Verified keys are cached for a short while so a busy client does not cost a query per request.
/// Each change is audited (<see cref="AdminAudit"/>) in the same SaveChanges as the change.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<IskraDbContext> contexts, AdminAudit audit, TimeProvider time)
{
    public const string Prefix = "isk_";
    private const int IdLength = 8;
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates a key on behalf of <paramref name="actor"/> (an <see cref="ApiCaller.Actor"/> or <see cref="AdminAudit.StartUp"/>);
    /// the returned secret is the only time the whole key exists outside the caller.
    /// </summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, ApiRole role, string actor, CancellationToken cancellationToken)
    {
        var secret = Prefix + RandomText(IdLength + 40);
        var key = new ApiKey { Id = secret.Substring(Prefix.Length, IdLength), Name = name, Role = role, Hash = HashOf(secret), CreatedAt = time.GetUtcNow() };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.ApiKeys.Add(key);
        audit.Add(db, actor, AdminActions.ApiKeyCreated, key.Id, ["name", "role"]);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (key, secret);
    }

    /// <summary>
    /// Makes <paramref name="secret"/> (e.g. from <c>ISKRA_API_KEY</c>) a valid admin key named <paramref name="name"/>,
    /// replacing an earlier one of that name. Nothing changes, and nothing is audited, when it is that key already.
    /// </summary>
    public async Task EnsureAsync(string secret, string name, CancellationToken cancellationToken)
    {
        var id = IdOf(secret);
        var hash = HashOf(secret);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var stale = await db.ApiKeys.Where(k => k.Name == name || k.Id == id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (stale is [{ RevokedAt: null, Role: ApiRole.Admin } same] && same.Id == id && same.Name == name && same.Hash == hash)
        {
            return;
        }

        db.ApiKeys.RemoveRange(stale);
        db.ApiKeys.Add(new ApiKey { Id = id, Name = name, Role = ApiRole.Admin, Hash = hash, CreatedAt = time.GetUtcNow() });
        var action = stale.Any(k => k.Name == name && k.Hash != hash) ? AdminActions.ApiKeyRotated : AdminActions.ApiKeyCreated;
        audit.Add(db, AdminAudit.StartUp, action, id, ["name", "role"]);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _cache.Clear();
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ApiKeys.AnyAsync(k => k.RevokedAt == null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The caller a presented key belongs to, or null for an unknown, revoked or wrong key.</summary>
    public async ValueTask<ApiCaller?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        var id = IdOf(presented);
        var now = time.GetUtcNow();
        ApiKey? key;
        if (_cache.TryGetValue(id, out var cached) && cached.Until > now)
        {
            key = cached.Key;
        }
        else
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
            if (key is not null)
            {
                _cache[id] = (key, now + CacheFor);
            }
        }

        // Compare even when no key was found, so that timing does not tell "unknown" from "wrong".
        var expected = Convert.FromBase64String(key?.Hash ?? DecoyHash);
        var matches = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);
        return matches && key is { RevokedAt: null } ? new ApiCaller(key.Id, key.Name, key.Role) : null;
    }

    /// <summary>Revokes the active key <paramref name="id"/> on behalf of <paramref name="actor"/>; false when there is none.</summary>
    public async Task<bool> RevokeAsync(string id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
        if (key is null || key.RevokedAt is not null)
        {
            return false;
        }

        key.RevokedAt = time.GetUtcNow();
        audit.Add(db, actor, AdminActions.ApiKeyRevoked, key.Id, ["revokedAt"]);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _cache.TryRemove(id, out _);
        return true;
    }

    private static readonly string DecoyHash = HashOf(Prefix + RandomText(IdLength + 40));

    private static string HashOf(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The row id of a presented key: its 8 characters after the prefix, or a hash-derived id for keys of another form (such as a hand-chosen <c>ISKRA_API_KEY</c>).</summary>
    private static string IdOf(string secret) =>
        secret.StartsWith(Prefix, StringComparison.Ordinal) && secret.Length >= Prefix.Length + IdLength
            ? secret.Substring(Prefix.Length, IdLength)
            : "x" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..(IdLength - 1)].ToLowerInvariant();

    private static string RandomText(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
