using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Iskra.Csms.Routing;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Transport;

/// <summary>
/// Judges a station's TLS client certificate (security profile 3): its certification path must end
/// at a CA of <see cref="OcppServerOptions.StationCaFile"/> (A00.FR.403), it must be valid now and
/// allowed for client authentication; then its one subject CN is the identity admission compares
/// with the station id (A00.FR.405). Kestrel lets any client certificate through the TLS handshake
/// so that this check, with the station id known, refuses with a recorded 401 (A00.FR.407/408).
/// One exception, scoped to a claim (the test lab's run): a certificate the claim on the station issued to it
/// during the claim (<see cref="IStationClaim.IssuedClientCertificate"/>) is trusted for that station only,
/// while the claim lasts; the CN rule is the same.
/// </summary>
public sealed partial class StationCertificates : IDisposable
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    private const string CommonNameOid = "2.5.4.3";

    private readonly X509Certificate2Collection _anchors = [];
    private readonly X509Certificate2Collection _intermediates = [];
    private readonly StationClaims _claims;
    private readonly TimeProvider _time;
    private readonly ILogger<StationCertificates> _logger;

    public StationCertificates(IOptions<OcppServerOptions> options, StationClaims claims, TimeProvider time, ILogger<StationCertificates> logger)
    {
        _claims = claims;
        _time = time;
        _logger = logger;
        if (options.Value.StationCaFile is not { Length: > 0 } path)
        {
            return;
        }

        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(path);
        foreach (var certificate in all)
        {
            (certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData) ? _anchors : _intermediates).Add(certificate);
        }

        if (_anchors.Count == 0)
        {
            throw new InvalidOperationException($"Ocpp:StationCaFile '{path}' holds no self-signed CA certificate to trust.");
        }
    }

    /// <summary>
    /// The subject CN of a trusted, valid client certificate presented for <paramref name="stationId"/>; null for none,
    /// an untrusted one, or one without exactly one CN.
    /// </summary>
    public string? TrustedCommonName(X509Certificate2? certificate, string stationId)
    {
        if (certificate is null)
        {
            return null;
        }

        if (ChainsToStationCa(certificate) is { } untrusted)
        {
            if (_claims.Find(stationId) is not { } claim || !claim.IssuedClientCertificate(certificate))
            {
                LogUntrusted(_logger, certificate.Subject, untrusted);
                return null;
            }

            LogIssuedByClaim(_logger, certificate.Subject, stationId, claim.Owner);
        }

        return OnlyCommonName(certificate);
    }

    /// <summary>Null when the certificate chains to a CA of <see cref="OcppServerOptions.StationCaFile"/>; else why not.</summary>
    private string? ChainsToStationCa(X509Certificate2 certificate)
    {
        if (_anchors.Count == 0)
        {
            return "no station CA configured (Ocpp:StationCaFile)";
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(_anchors);
        policy.ExtraStore.AddRange(_intermediates);
        policy.ApplicationPolicy.Add(ClientAuthentication);
        policy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        // Operators' station CAs seldom publish revocation lists; a station is cut off by its registration instead.
        policy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate) ? null : string.Join(", ", chain.ChainStatus.Select(s => s.Status));
    }

    private static string? OnlyCommonName(X509Certificate2 certificate)
    {
        string? commonName = null;
        foreach (var name in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (name.HasMultipleElements)
            {
                return null;
            }

            if (name.GetSingleElementType().Value == CommonNameOid)
            {
                if (commonName is not null)
                {
                    return null;
                }

                commonName = name.GetSingleElementValue();
            }
        }

        return commonName;
    }

    public void Dispose()
    {
        foreach (var certificate in _anchors.Concat(_intermediates))
        {
            certificate.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client certificate {Subject} of {StationId} trusted as issued to it by {Owner}, which holds the station")]
    private static partial void LogIssuedByClaim(ILogger logger, string subject, string stationId, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client certificate {Subject} not trusted: {Reason}")]
    private static partial void LogUntrusted(ILogger logger, string subject, string reason);
}
