using System.Security.Cryptography.X509Certificates;

namespace Iskra.Simulator.Security;

/// <summary>What the simulated station checks of a certificate it is given: readable PEM, and valid now.</summary>
internal static class CertificateChecks
{
    /// <summary>The certificate, or null when it is unreadable or outside its validity period (answered Rejected).</summary>
    public static X509Certificate2? Acceptable(string pem, DateTimeOffset now) =>
        CertificateStore.Read(pem) is { } certificate && ValidAt(certificate, now) ? certificate : null;

    public static bool ValidAt(X509Certificate2 certificate, DateTimeOffset now) =>
        certificate.NotBefore <= now.UtcDateTime && now.UtcDateTime <= certificate.NotAfter;
}
