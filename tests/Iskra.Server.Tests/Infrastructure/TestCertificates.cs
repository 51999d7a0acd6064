using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>
/// A small PKI made in memory with <see cref="CertificateRequest"/>: a self-signed CA that issues a
/// server certificate for 127.0.0.1/localhost and client certificates with a chosen CN (ECDSA P-256).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private readonly List<X509Certificate2> _issued = [];

    public TestCertificates(string caName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={caName}, O=Iskra Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        Authority = request.CreateSelfSigned(now.AddDays(-30), now.AddYears(1));
    }

    private TestCertificates(X509Certificate2 authority) => Authority = authority;

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The CA certificate as PEM (what an operator puts in the trusted-CA file).</summary>
    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>An intermediate CA issued by this one (its certificates chain through it to this CA).</summary>
    public TestCertificates Intermediate(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=Iskra Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));
        using var publicOnly = request.Create(Authority, Authority.NotBefore, Authority.NotAfter, RandomNumberGenerator.GetBytes(8));
        return new TestCertificates(publicOnly.CopyWithPrivateKey(key));
    }

    /// <summary>A TLS server certificate for 127.0.0.1 and localhost.</summary>
    public X509Certificate2 Server()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        return Issue("CN=localhost", ServerAuth, names.Build(), Authority.NotBefore, Authority.NotAfter);
    }

    /// <summary>A station certificate: subject CN = <paramref name="commonName"/>, for client authentication unless <paramref name="usage"/> says otherwise (null: no extended key usage at all).</summary>
    public X509Certificate2 Client(string commonName, DateTimeOffset? notAfter = null, string? usage = ClientAuth)
    {
        return Issue($"CN={commonName}, O=Iskra Tests", usage, null, Authority.NotBefore, notAfter ?? Authority.NotAfter);
    }

    /// <summary>A certificate that is fine in every way but is for servers only (extended key usage serverAuth).</summary>
    public X509Certificate2 ServerOnly(string commonName) => Client(commonName, usage: ServerAuth);

    /// <summary>Accepts a server certificate exactly when it chains to this CA (what a station configured with it does).</summary>
    public bool Validates(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    /// <summary>A <see cref="RemoteCertificateValidationCallback"/> that trusts this CA only.</summary>
    public RemoteCertificateValidationCallback ServerValidation => (_, certificate, _, _) => Validates(certificate);

    public void Dispose()
    {
        foreach (var certificate in _issued)
        {
            certificate.Dispose();
        }

        Authority.Dispose();
    }

    private X509Certificate2 Issue(string subject, string? usage, X509Extension? names, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        if (usage is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var publicOnly = request.Create(Authority, notBefore, notAfter, serial);
        var certificate = publicOnly.CopyWithPrivateKey(key);
        _issued.Add(certificate);
        return certificate;
    }
}
