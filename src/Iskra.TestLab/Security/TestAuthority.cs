using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Iskra.TestLab.Security;

/// <summary>
/// The lab's own certificate authority for the 1.6 security cases (OCTT "The tool shall take on the role of ... Certificate
/// Authority Server"): root certificates to install, an expired one to be refused, and the certificateHashData the
/// lab computes itself to find a certificate in a station's answer. Keys live in memory only, per run.
/// </summary>
public static class TestAuthority
{
    /// <summary>A new self-signed root CA (ECDSA P-256, SHA-256), valid from an hour ago for <paramref name="lifetime"/>.</summary>
    public static X509Certificate2 Root(string commonName, TimeSpan lifetime, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=Iskra test lab", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddHours(-1), now + lifetime);
    }

    /// <summary>A root CA whose validity ended yesterday: "an invalid/expired certificate".</summary>
    public static X509Certificate2 ExpiredRoot(string commonName, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=Iskra test lab", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(now.AddDays(-30), now.AddDays(-1));
    }

    public static string Pem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.ExportCertificatePem();
    }
}

/// <summary>
/// certificateHashData as the lab calculates it (1.6 security CertificateHashDataType): the hash of the issuer's
/// distinguished name (DER), of the issuer's public key (the subjectPublicKey bits), and the serial number in hex.
/// </summary>
public sealed record LabCertificateHash(string HashAlgorithm, string IssuerNameHash, string IssuerKeyHash, string SerialNumber)
{
    /// <summary>The hash data of a root (its own issuer) or of a certificate issued by <paramref name="issuer"/>.</summary>
    public static LabCertificateHash Of(X509Certificate2 certificate, string hashAlgorithm, X509Certificate2? issuer = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var keyOwner = issuer ?? certificate;
        return new(hashAlgorithm, Hash(hashAlgorithm, certificate.IssuerName.RawData), Hash(hashAlgorithm, keyOwner.PublicKey.EncodedKeyValue.RawData),
            certificate.SerialNumber.TrimStart('0').ToLowerInvariant());
    }

    /// <summary>Whether a station's hash data names the same certificate (hex without case, a serial's leading zeroes ignored).</summary>
    public bool Matches(string hashAlgorithm, string issuerNameHash, string issuerKeyHash, string serialNumber)
    {
        ArgumentNullException.ThrowIfNull(serialNumber);
        return string.Equals(hashAlgorithm, HashAlgorithm, StringComparison.OrdinalIgnoreCase)
            && string.Equals(issuerNameHash, IssuerNameHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(issuerKeyHash, IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(serialNumber.TrimStart('0'), SerialNumber, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => $"{HashAlgorithm} issuerNameHash {IssuerNameHash}, issuerKeyHash {IssuerKeyHash}, serialNumber {SerialNumber}";

    private static string Hash(string algorithm, byte[] data) => algorithm.ToUpperInvariant() switch
    {
        "SHA384" => Convert.ToHexStringLower(SHA384.HashData(data)),
        "SHA512" => Convert.ToHexStringLower(SHA512.HashData(data)),
        _ => Convert.ToHexStringLower(SHA256.HashData(data)),
    };
}
