using System.Security.Cryptography;
using System.Text;

namespace Iskra.Csms.Stations;

/// <summary>Station passwords: generated, hashed with PBKDF2-SHA256, compared in constant time.</summary>
public static class StationPasswords
{
    private const int Iterations = 10_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A new random password of 24 characters (OCPP 1.6 security: 16..40 characters).</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'A').Replace('/', 'B');

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

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out var iterations))
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

    /// <summary>A hash no password matches, verified against for unknown stations so that timing does not tell them apart.</summary>
    public static readonly string Decoy = Hash(Generate());
}
