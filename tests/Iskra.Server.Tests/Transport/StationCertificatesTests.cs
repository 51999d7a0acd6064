using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Tests.Transport;

/// <summary>The profile 3 trust rules that need no server: secure by default, a broken CA file stops the start.</summary>
public sealed class StationCertificatesTests
{
    [Fact]
    public void Without_a_station_CA_no_client_certificate_is_trusted()
    {
        using var pki = new TestCertificates("Some CA");
        using var certificates = Create(caFile: null);

        Assert.Null(certificates.TrustedCommonName(pki.Client("CP1")));
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

            Assert.Equal("CP1", certificates.TrustedCommonName(pki.Client("CP1")));
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

            Assert.Null(withoutIntermediate.TrustedCommonName(station));
            Assert.Equal("CP2", withIntermediate.TrustedCommonName(station));
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

    private static StationCertificates Create(string? caFile) =>
        new(Options.Create(new OcppServerOptions { StationCaFile = caFile }), TimeProvider.System, NullLogger<StationCertificates>.Instance);
}
