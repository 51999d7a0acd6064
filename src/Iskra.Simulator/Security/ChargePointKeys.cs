using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Security;

/// <summary>
/// The station's side of a certificate update (1.6 security A02/A03): a new key pair per request, its CSR sent with
/// SignCertificate, and the check of the certificate that comes back with CertificateSigned (A02.FR.06): valid now, for
/// the key of the last request, and part of the Charge Point Operator hierarchy (it chains to an installed
/// CentralSystemRootCertificate). The private key never leaves this object (A02.FR.05).
/// </summary>
internal sealed class ChargePointKeys : IDisposable
{
    private static readonly ConditionalWeakTable<SimStation, ChargePointKeys> All = new();
    private readonly Lock _lock = new();
    private ECDsa? _pending;

    public static ChargePointKeys Of(SimStation station) => All.GetValue(station, _ => new ChargePointKeys());

    /// <summary>
    /// A new key pair (ECDSA P-256, A00.FR.503) replacing any earlier request's, and its PEM PKCS#10 request: CN the
    /// station's identity (the serial by which the Central System knows it, A00.FR.511), O the CpoName key (A02.FR.13).
    /// </summary>
    public string NewRequest(string identity, string organization)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(organization);
        subject.AddCommonName(identity);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        var pem = request.CreateSigningRequestPem();
        lock (_lock)
        {
            _pending?.Dispose();
            _pending = key;
        }

        return pem;
    }

    /// <summary>
    /// The leaf of <paramref name="chain"/> with the pending private key when it is a valid certificate for it, chaining to one
    /// of <paramref name="roots"/> (through the chain's sub-CAs) at <paramref name="now"/>; null otherwise (discard it, A02.FR.07).
    /// </summary>
    public X509Certificate2? Accept(IReadOnlyList<X509Certificate2> chain, IReadOnlyList<X509Certificate2> roots, DateTimeOffset now)
    {
        if (chain.Count == 0 || roots.Count == 0 || !CertificateChecks.ValidAt(chain[0], now))
        {
            return null;
        }

        var leaf = chain[0];
        lock (_lock)
        {
            using var offered = leaf.GetECDsaPublicKey();
            if (_pending is null || offered is null
                || !offered.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(_pending.ExportSubjectPublicKeyInfo()))
            {
                return null;
            }

            using var path = new X509Chain();
            path.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            path.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
            path.ChainPolicy.ExtraStore.AddRange(chain.Skip(1).ToArray());
            path.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            path.ChainPolicy.VerificationTime = now.UtcDateTime;
            if (!path.Build(leaf))
            {
                return null;
            }

            var withKey = leaf.CopyWithPrivateKey(_pending);
            _pending.Dispose();
            _pending = null;
            return withKey;
        }
    }

    /// <summary>SignCertificate {csr} after an accepted trigger (A02.FR.02/03), from a new key pair.</summary>
    public static void SendRequest(SimStation station) => station.Later(station.Options.ActionDelay, async () =>
    {
        var csr = Of(station).NewRequest(station.Id, station.Configuration.Get("CpoName") ?? station.Options.Vendor);
        station.Log.Note("New key pair generated; certificate signing request sent.");
        await Deliveries.SendAsync(station, "SignCertificate", () => new JsonObject { ["csr"] = csr }).ConfigureAwait(false);
    });

    public void Dispose()
    {
        lock (_lock)
        {
            _pending?.Dispose();
            _pending = null;
        }
    }
}
