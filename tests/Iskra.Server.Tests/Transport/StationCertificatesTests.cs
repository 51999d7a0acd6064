using System.Security.Cryptography.X509Certificates;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Rpc;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Tests.Transport;

/// <summary>
/// The profile 3 trust rules that need no server: secure by default, a broken CA file stops the start, and a certificate a
/// claim issued is trusted for its station only while the claim holds it.
/// </summary>
public sealed class StationCertificatesTests
{
    [Fact]
    public void Without_a_station_CA_no_client_certificate_is_trusted()
    {
        using var pki = new TestCertificates("Some CA");
        using var certificates = Create(caFile: null);

        Assert.Null(certificates.TrustedCommonName(pki.Client("CP1"), "CP1"));
    }

    [Fact]
    public void With_the_station_CA_a_client_certificate_gives_its_CN()
    {
        using var pki = new TestCertificates("Station CA");
        var file = Path.GetTempFileName();
        File.WriteAllText(file, pki.AuthorityPem);
        try
        {
            using var certificates = Create(file);

            Assert.Equal("CP1", certificates.TrustedCommonName(pki.Client("CP1"), "CP1"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_certificate_from_an_intermediate_CA_is_trusted_when_the_file_holds_the_intermediate_too()
    {
        using var root = new TestCertificates("Root CA");
        using var intermediate = root.Intermediate("Sub CA");
        var station = intermediate.Client("CP2");
        var rootOnly = Path.GetTempFileName();
        var both = Path.GetTempFileName();
        File.WriteAllText(rootOnly, root.AuthorityPem);
        File.WriteAllText(both, root.AuthorityPem + "\n" + intermediate.AuthorityPem + "\n");
        try
        {
            using var withoutIntermediate = Create(rootOnly);
            using var withIntermediate = Create(both);

            Assert.Null(withoutIntermediate.TrustedCommonName(station, "CP2"));
            Assert.Equal("CP2", withIntermediate.TrustedCommonName(station, "CP2"));
        }
        finally
        {
            File.Delete(rootOnly);
            File.Delete(both);
        }
    }

    [Fact]
    public void A_station_CA_file_without_a_CA_certificate_stops_the_start()
    {
        using var pki = new TestCertificates("Station CA");
        var file = Path.GetTempFileName();
        File.WriteAllText(file, pki.Client("NOT-A-CA").ExportCertificatePem());
        try
        {
            var failure = Assert.Throws<InvalidOperationException>(() => Create(file));
            Assert.Contains("no self-signed CA certificate", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_certificate_a_claim_issued_is_trusted_for_its_station_only_and_only_while_the_claim_holds_it()
    {
        using var station = new TestCertificates("Station CA");
        using var lab = new TestCertificates("Lab CA");
        var file = Path.GetTempFileName();
        File.WriteAllText(file, station.AuthorityPem);
        try
        {
            var claims = new StationClaims();
            using var certificates = Create(file, claims);
            var issued = lab.Client("CP1");
            var claim = new IssuingClaim(issued);

            Assert.Null(certificates.TrustedCommonName(issued, "CP1")); // not claimed: the lab's CA is trusted for nothing
            Assert.True(claims.TryClaim("CP1", claim, out _));
            Assert.Equal("CP1", certificates.TrustedCommonName(issued, "CP1"));
            Assert.Null(certificates.TrustedCommonName(issued, "CP2")); // another station's admission does not ask this claim
            Assert.Null(certificates.TrustedCommonName(lab.Client("CP1"), "CP1")); // another certificate of the same CA and CN
            Assert.Equal("CP1", certificates.TrustedCommonName(station.Client("CP1"), "CP1")); // the operator's CA still counts

            claims.Release("CP1", claim);
            Assert.Null(certificates.TrustedCommonName(issued, "CP1"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_claim_issued_certificate_keeps_the_CN_rule()
    {
        using var lab = new TestCertificates("Lab CA");
        var claims = new StationClaims();
        using var certificates = Create(caFile: null, claims);
        var issued = lab.Client("OTHER");
        Assert.True(claims.TryClaim("CP1", new IssuingClaim(issued), out _));

        // Trusted as the claim's, the certificate still names OTHER: admission compares it with the id and refuses.
        Assert.Equal("OTHER", certificates.TrustedCommonName(issued, "CP1"));
    }

    private static StationCertificates Create(string? caFile, StationClaims? claims = null) =>
        new(Options.Create(new OcppServerOptions { StationCaFile = caFile }), claims ?? new StationClaims(), TimeProvider.System, NullLogger<StationCertificates>.Instance);

    /// <summary>A claim that issued one certificate (the test lab compares the whole certificate the same way).</summary>
    private sealed class IssuingClaim(X509Certificate2 issued) : IStationClaim
    {
        public string Owner => "test claim";

        public string Reference => "/test";

        public bool IssuedClientCertificate(X509Certificate2 certificate) => certificate.RawDataMemory.Span.SequenceEqual(issued.RawDataMemory.Span);

        public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
        {
        }

        public ValueTask<RpcReply> HandleAsync(RpcCall request, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
