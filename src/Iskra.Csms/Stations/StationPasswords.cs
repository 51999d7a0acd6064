using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Iskra.Csms.Stations;

/// <summary>
/// Station passwords: generated, hashed with PBKDF2-HMAC-SHA256, compared in constant time. A hash string
/// carries its own iteration count (<c>pbkdf2-sha256$iterations$salt$hash</c>), so hashes made at an older
/// count still verify and are re-hashed at the next login (<see cref="StationPasswordHasher"/>).
/// </summary>
public static class StationPasswords
{
    /// <summary>OWASP Password Storage Cheat Sheet (2023): 600,000 iterations for PBKDF2-HMAC-SHA256 (docs/decisions/009).</summary>
    public const int DefaultIterations = 600_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>
    /// A new random password: 20 random bytes as 40 hexadecimal digits (1.6 security whitepaper §7.2
    /// AuthorizationKey: "randomly generated binary ... hexadecimal represented (20 bytes maximum)"; within
    /// the 2.0.1 passwordString of 16 to 40 characters).
    /// </summary>
    public static string Generate() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    /// <summary>
    /// Whether an operator-chosen password is acceptable: 16 to 40 characters (2.0.1 part 2 appendices
    /// §3.1.15 BasicAuthPassword, passwordString; 1.6 security whitepaper A00.FR.205: at least 16) of
    /// <c>a-z A-Z 0-9 * - _ = : + | @ .</c>, so the station can store it in its configuration as is.
    /// </summary>
    public static bool IsAcceptable(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return password.Length is >= 16 and <= 40
            && password.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '_' or '=' or ':' or '+' or '|' or '@' or '.');
    }

    /// <summary>A salted hash of <paramref name="password"/> at <paramref name="iterations"/>.</summary>
    public static string Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>The iteration count a stored hash was made with; 0 when it is not one of ours.</summary>
    public static int IterationsOf(string? stored)
    {
        var parts = stored?.Split('$');
        return parts is { Length: 4 } && parts[0] == Scheme && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    public static bool Verify(string password, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations))
        {
            return false;
        }

        Span<byte> salt = stackalloc byte[64];
        Span<byte> expected = stackalloc byte[64];
        if (iterations < 1 || !Convert.TryFromBase64String(parts[2], salt, out var saltLength)
            || !Convert.TryFromBase64String(parts[3], expected, out var hashLength) || hashLength == 0)
        {
            return false; // a damaged stored hash refuses, it does not throw
        }

        salt = salt[..saltLength];
        expected = expected[..hashLength];
        Span<byte> actual = stackalloc byte[hashLength];
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, actual, iterations, HashAlgorithmName.SHA256);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the work of <paramref name="iterations"/> PBKDF2 iterations and nothing else (see <see cref="StationPasswordHasher"/>).</summary>
    internal static void Spend(int iterations)
    {
        Span<byte> sink = stackalloc byte[HashBytes];
        Rfc2898DeriveBytes.Pbkdf2("decoy"u8, "decoy-salt-16byt"u8, sink, iterations, HashAlgorithmName.SHA256);
    }
}
