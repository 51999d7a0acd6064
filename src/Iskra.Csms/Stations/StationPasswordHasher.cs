using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Stations;

/// <summary>
/// Checks station passwords at the configured cost (<see cref="CsmsOptions.PasswordIterations"/>) for
/// admission. Every check costs one PBKDF2 verification at that cost, whatever it is checked against: a
/// station's hash, an older and cheaper hash (topped up to the configured cost), or a decoy when there is
/// nothing to check against (unknown id, wrong user name, no credentials), so that timing does not tell
/// the paths apart (SPEC §2.1). The one shortcut is for success: a password that verified for the same
/// station against the same stored hash before is recognised by a keyed HMAC held in memory, so that a
/// station's reconnects cost microseconds (docs/decisions/009).
/// </summary>
public sealed class StationPasswordHasher
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (string Stored, byte[] Mac)> _recent = new(StringComparer.Ordinal);
    private readonly string _decoy;
    private long _verifications;

    public StationPasswordHasher(IOptions<CsmsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Iterations = Math.Max(1, options.Value.PasswordIterations);
        _decoy = StationPasswords.Hash(StationPasswords.Generate(), Iterations);
    }

    /// <summary>The PBKDF2 iteration count of new hashes.</summary>
    public int Iterations { get; }

    /// <summary>How many PBKDF2 verifications ran (the cache of recent successes aside): one per check.</summary>
    public long Verifications => Interlocked.Read(ref _verifications);

    public string Hash(string password) => StationPasswords.Hash(password, Iterations);

    /// <summary>Whether a hash was made at fewer iterations than new ones are, and is re-hashed at the next login.</summary>
    public bool NeedsRehash(string? stored) => stored is not null && StationPasswords.IterationsOf(stored) < Iterations;

    /// <summary>
    /// Checks <paramref name="password"/> of <paramref name="stationId"/> against <paramref name="stored"/>;
    /// null checks against the decoy, which no password matches, at the same cost.
    /// </summary>
    public bool Verify(string stationId, string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(stationId);
        ArgumentNullException.ThrowIfNull(password);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stationId + "\n" + password));
        if (stored is not null && _recent.TryGetValue(stationId, out var recent)
            && string.Equals(recent.Stored, stored, StringComparison.Ordinal) && CryptographicOperations.FixedTimeEquals(recent.Mac, mac))
        {
            return true;
        }

        Interlocked.Increment(ref _verifications);
        var target = stored ?? _decoy;
        var ok = StationPasswords.Verify(password, target);
        var cheaper = Iterations - StationPasswords.IterationsOf(target);
        if (cheaper > 0)
        {
            StationPasswords.Spend(cheaper); // an old hash costs what a new one does
        }

        if (ok && stored is not null)
        {
            _recent[stationId] = (stored, mac);
        }

        return ok;
    }

    /// <summary>Remembers a verified password against the hash that replaced the one it verified with (a re-hash, a promoted rotation).</summary>
    public void Remember(string stationId, string password, string stored) =>
        _recent[stationId] = (stored, HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stationId + "\n" + password)));
}
