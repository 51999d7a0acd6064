using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Iskra.Simulator.Security;

/// <summary>
/// The certificateHashData of a certificate (1.6 security CertificateHashDataType, 2.0.1 M04): SHA-256,
/// lowercase hex, over the issuer's distinguished name (DER) and the issuer's public key (the
/// subjectPublicKey bits, as in an OCSP CertID), and the serial number in hex without leading zeroes.
/// </summary>
internal sealed record CertificateHash(string IssuerNameHash, string IssuerKeyHash, string SerialNumber)
{
    public const string Algorithm = "SHA256";

    /// <summary>
    /// The hash data of <paramref name="certificate"/>; <paramref name="issuer"/> is its issuer when known.
    /// A self-signed certificate is its own issuer. When the issuer is unknown the certificate's own key is
    /// hashed: a simulator's approximation, stable for install-then-delete.
    /// </summary>
    public static CertificateHash Of(X509Certificate2 certificate, X509Certificate2? issuer = null)
    {
        var keyOwner = issuer ?? certificate;
        var serial = certificate.SerialNumber.TrimStart('0');
        return new(
            Convert.ToHexStringLower(SHA256.HashData(certificate.IssuerName.RawData)),
            Convert.ToHexStringLower(SHA256.HashData(keyOwner.PublicKey.EncodedKeyValue.RawData)),
            (serial.Length == 0 ? "0" : serial).ToLowerInvariant());
    }

    /// <summary>Whether the CSMS's hash data names this certificate (hex compared without case; a serial's leading zeroes ignored).</summary>
    public bool Matches(string algorithm, string issuerNameHash, string issuerKeyHash, string serialNumber) =>
        string.Equals(algorithm, Algorithm, StringComparison.OrdinalIgnoreCase)
        && string.Equals(issuerNameHash, IssuerNameHash, StringComparison.OrdinalIgnoreCase)
        && string.Equals(issuerKeyHash, IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
        && string.Equals(serialNumber.TrimStart('0'), SerialNumber.TrimStart('0'), StringComparison.OrdinalIgnoreCase);
}
