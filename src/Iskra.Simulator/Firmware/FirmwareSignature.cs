using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Iskra.Simulator.Firmware;

/// <summary>
/// The checks of a signed update (1.6 security whitepaper "Signed firmware update", 2.0.1 L01): the
/// signing certificate must be a readable, currently valid X.509 certificate, and the signature
/// (base64) must verify over the image with SHA-256 and that certificate's RSA (PKCS#1 v1.5) or ECDSA key.
/// The simulator holds no manufacturer root, so the certificate's chain is not checked.
/// </summary>
internal static class FirmwareSignature
{
    public static bool CertificateUsable(string? pem, DateTimeOffset now)
    {
        using var certificate = Read(pem);
        return certificate is not null && certificate.NotBefore <= now.UtcDateTime && now.UtcDateTime <= certificate.NotAfter;
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
                return rsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
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
