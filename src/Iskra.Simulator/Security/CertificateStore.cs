using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Security;

/// <summary>
/// The certificates a station holds (1.6 security "Certificate management", 2.0.1 M03–M05/A02): the
/// roots the CSMS installs, by use in the version's spelling, and the station's own certificate chain
/// from CertificateSigned ("ChargingStationCertificate" / "V2GCertificate").
/// </summary>
internal sealed class CertificateStore
{
    private static readonly ConditionalWeakTable<SimStation, CertificateStore> All = new();
    private readonly List<InstalledCertificate> _installed = [];
    private readonly Lock _lock = new();

    public static CertificateStore Of(SimStation station) => All.GetValue(station, _ => new CertificateStore());

    /// <summary>Reads one PEM certificate; null when it is not one.</summary>
    public static X509Certificate2? Read(string pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Every PEM certificate of a chain, leaf first; empty when any of them is unreadable.</summary>
    public static IReadOnlyList<X509Certificate2> ReadChain(string pem)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return [];
        }

        return [.. collection];
    }

    /// <summary>Installs a root under <paramref name="use"/>; a certificate already held for that use is replaced.</summary>
    public CertificateHash Install(string use, X509Certificate2 certificate)
    {
        lock (_lock)
        {
            var hash = CertificateHash.Of(certificate, IssuerOf(certificate));
            _installed.RemoveAll(c => c.Use == use && c.Hash == hash);
            _installed.Add(new InstalledCertificate(use, certificate, hash, null));
            return hash;
        }
    }

    /// <summary>Keeps the station's own chain (leaf first) under <paramref name="use"/>, replacing the previous one.</summary>
    public void SetOwnChain(string use, IReadOnlyList<X509Certificate2> chain)
    {
        lock (_lock)
        {
            _installed.RemoveAll(c => c.Use == use);
            var leaf = chain[0];
            var children = chain.Skip(1).Select(c => CertificateHash.Of(c, Issuer(chain, c))).ToList();
            _installed.Add(new InstalledCertificate(use, leaf, CertificateHash.Of(leaf, Issuer(chain, leaf)), children));
        }
    }

    /// <summary>
    /// The client certificate a profile 3 connection presents: the station's own ChargingStationCertificate once one
    /// came with its private key (1.6 security A02.FR.08: the new one as soon as it is valid), else <paramref name="configured"/>.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 ClientCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 configured, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _installed.FirstOrDefault(c => c.Use == "ChargingStationCertificate" && c.Certificate.HasPrivateKey && CertificateChecks.ValidAt(c.Certificate, now))?.Certificate ?? configured;
        }
    }

    /// <summary>The certificates of the given uses (all when none are given).</summary>
    public IReadOnlyList<InstalledCertificate> List(IReadOnlyCollection<string>? uses)
    {
        lock (_lock)
        {
            return [.. _installed.Where(c => uses is null || uses.Count == 0 || uses.Contains(c.Use))];
        }
    }

    /// <summary>Removes the certificate the hash data names; its use, or null when none matches.</summary>
    public string? Delete(string algorithm, string issuerNameHash, string issuerKeyHash, string serialNumber)
    {
        lock (_lock)
        {
            var found = _installed.FirstOrDefault(c => c.Hash.Matches(algorithm, issuerNameHash, issuerKeyHash, serialNumber));
            if (found is not null)
            {
                _installed.Remove(found);
            }

            return found?.Use;
        }
    }

    private X509Certificate2? IssuerOf(X509Certificate2 certificate) =>
        _installed.Select(c => c.Certificate).FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData));

    private static X509Certificate2? Issuer(IReadOnlyList<X509Certificate2> chain, X509Certificate2 certificate) =>
        chain.FirstOrDefault(c => c != certificate && c.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData));
}

/// <summary>One certificate held, with its hash data and, for the station's own chain, its sub-CAs' hash data.</summary>
internal sealed record InstalledCertificate(string Use, X509Certificate2 Certificate, CertificateHash Hash, IReadOnlyList<CertificateHash>? Children);
