using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Iskra.Simulator.Firmware;

/// <summary>
/// The checks of a signed update (1.6 security whitepaper "Signed firmware update", 2.0.1 L01): the
/// signing certificate must be a readable, currently valid X.509 certificate (in 1.6 also chaining to an installed
/// ManufacturerRootCertificate, L01.FR.12), and the signature (base64) must verify over the image with SHA-256 and that
/// certificate's key: RSA-PSS (L01.FR.04; PKCS#1 v1.5 is accepted too) or ECDSA (BCL has no ECSchnorr).
/// </summary>
internal static class FirmwareSignature
{
    public static bool CertificateUsable(string? pem, DateTimeOffset now)
    {
        using var certificate = Read(pem);
        return certificate is not null && certificate.NotBefore <= now.UtcDateTime && now.UtcDateTime <= certificate.NotAfter;
    }

    /// <summary>The certificate chains to one of <paramref name="roots"/> at <paramref name="now"/> (X.509 path rules, no revocation check).</summary>
    public static bool ChainsTo(string? pem, IReadOnlyList<X509Certificate2> roots, DateTimeOffset now)
    {
        using var certificate = Read(pem);
        if (certificate is null || roots.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        return chain.Build(certificate);
    }

    public static bool Verifies(string? pem, string? signature, byte[] image)
    {
        using var certificate = Read(pem);
        if (certificate is null || signature is null)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        using (var rsa = certificate.GetRSAPublicKey())
        {
            if (rsa is not null)
            {
                return rsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)
                    || rsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa is not null
            && (ecdsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                || ecdsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    private static X509Certificate2? Read(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
