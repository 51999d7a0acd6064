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

    /// <summary>
    /// A firmware signing certificate issued by <paramref name="root"/> (a manufacturer root of this authority, with its
    /// key), valid as long as the root, with its RSA 3072 private key: the signature is RSA-PSS with SHA-256 (1.6 security L01.FR.04).
    /// </summary>
    public static X509Certificate2 FirmwareSigner(X509Certificate2 root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=Iskra lab firmware signing, O=Iskra test lab", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.3", "Code Signing")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var issued = Issue(root, request, root.NotBefore, root.NotAfter);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>The base64 signature of <paramref name="image"/> with the signer's key: RSA-PSS over SHA-256 (1.6 security L01.FR.04).</summary>
    public static string SignFirmware(X509Certificate2 signer, byte[] image)
    {
        ArgumentNullException.ThrowIfNull(signer);
        using var key = signer.GetRSAPrivateKey() ?? throw new ArgumentException("the signer has no RSA private key", nameof(signer));
        return Convert.ToBase64String(key.SignData(image, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    /// <summary>
    /// Reads a station's PEM certificate signing request (RFC 2986) and checks its self-signature; throws
    /// <see cref="CryptographicException"/> or <see cref="ArgumentException"/> when it is not a valid one.
    /// </summary>
    public static CertificateRequest ReadSigningRequest(string pem) =>
        CertificateRequest.LoadSigningRequestPem(pem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default, RSASignaturePadding.Pkcs1);

    /// <summary>The value of the first RDN of <paramref name="oid"/> in a name (e.g. 2.5.4.10 organizationName), or null.</summary>
    public static string? NamePart(X500DistinguishedName name, string oid)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.EnumerateRelativeDistinguishedNames()
            .Where(r => !r.HasMultipleElements && r.GetSingleElementType().Value == oid)
            .Select(r => r.GetSingleElementValue()).FirstOrDefault();
    }

    /// <summary>
    /// A Charge Point certificate for the station's request, issued by <paramref name="authority"/> (a root of this
    /// authority, with its key) for client authentication, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>
    /// (within the authority's own validity).
    /// </summary>
    public static X509Certificate2 IssueStationCertificate(X509Certificate2 authority, CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(request);
        request.CertificateExtensions.Clear();
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2", "Client Authentication")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        return Issue(authority, request, notBefore, notAfter);
    }

    /// <summary>Signs <paramref name="request"/> with the authority's ECDSA key, whatever the subject's key type.</summary>
    private static X509Certificate2 Issue(X509Certificate2 authority, CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = authority.GetECDsaPrivateKey() ?? throw new ArgumentException("the authority has no ECDSA private key", nameof(authority));
        return request.Create(authority.SubjectName, X509SignatureGenerator.CreateForECDsa(key), notBefore, notAfter, Serial());
    }

    /// <summary>A random positive 64-bit serial number.</summary>
    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x10);
        return serial;
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
