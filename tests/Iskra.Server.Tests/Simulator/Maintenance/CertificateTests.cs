using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>Certificate management of a simulated station through Iskra's raw calls (1.6 security extension, 2.0.1 M/A).</summary>
public sealed class CertificateTests(MaintenanceServer shared) : IClassFixture<MaintenanceServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_root_is_installed_listed_by_its_hash_data_and_deleted(OcppVersion version)
    {
        var id = $"sim-cert-{version}";
        await using var station = await Maintenance.StartAsync(Server, id, version);
        using var rootKey = RSA.Create(2048);
        using var root = new CertificateRequest("CN=Sim CSMS Root, O=Iskra Tests", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var type = version == OcppVersion.V16 ? "CentralSystemRootCertificate" : "CSMSRootCertificate";
        var list = version == OcppVersion.V16 ? $$"""{"certificateType":"{{type}}"}""" : $$"""{"certificateType":["{{type}}"]}""";

        Assert.Equal("NotFound", (await CallAsync(id, "GetInstalledCertificateIds", list)).GetProperty("status").GetString());
        Assert.Equal("Rejected", (await CallAsync(id, "InstallCertificate", $$"""{"certificateType":"{{type}}","certificate":"-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----"}""")).GetProperty("status").GetString());
        Assert.Equal("Accepted", (await CallAsync(id, "InstallCertificate", $$"""{"certificateType":"{{type}}","certificate":"{{Pem(root)}}"}""")).GetProperty("status").GetString());

        var listed = await CallAsync(id, "GetInstalledCertificateIds", list);
        Assert.Equal("Accepted", listed.GetProperty("status").GetString());
        var hash = version == OcppVersion.V16
            ? Assert.Single(listed.GetProperty("certificateHashData").EnumerateArray())
            : Assert.Single(listed.GetProperty("certificateHashDataChain").EnumerateArray()) is var chain && chain.GetProperty("certificateType").GetString() == type
                ? chain.GetProperty("certificateHashData") : throw new InvalidOperationException(listed.ToString());

        // The hash data, computed here independently: SHA-256 of the issuer's DER name and of the key's BIT STRING.
        Assert.Equal("SHA256", hash.GetProperty("hashAlgorithm").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(root.IssuerName.RawData)), hash.GetProperty("issuerNameHash").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(PublicKeyBits(root))), hash.GetProperty("issuerKeyHash").GetString());
        Assert.Equal(root.SerialNumber.TrimStart('0'), hash.GetProperty("serialNumber").GetString(), ignoreCase: true);

        var delete = $$"""{"certificateHashData":{{hash.GetRawText()}}}""";
        Assert.Equal("Accepted", (await CallAsync(id, "DeleteCertificate", delete)).GetProperty("status").GetString());
        Assert.Equal("NotFound", (await CallAsync(id, "DeleteCertificate", delete)).GetProperty("status").GetString());
        Assert.Equal("NotFound", (await CallAsync(id, "GetInstalledCertificateIds", list)).GetProperty("status").GetString());
        await station.AssertSentFramesValidAsync();
    }

    /// <summary>2.0.1 only: a 1.6 station accepts a chain only for the key of its own CSR (ChargePointCertificateTests).</summary>
    [Fact]
    public async Task A_signed_chain_is_accepted_and_an_unreadable_or_expired_one_rejected_on_201()
    {
        const OcppVersion version = OcppVersion.V201;
        var id = $"sim-cert-signed-{version}";
        await using var station = await Maintenance.StartAsync(Server, id, version);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Sim Sub CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddYears(5));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest($"CN={id}, O=Iskra Tests", leafKey, HashAlgorithmName.SHA256);
        using var leaf = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), [1, 2, 3, 4]);
        using var expired = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddYears(-1), [5, 6]);
        var type = version == OcppVersion.V201 ? "," + "\"certificateType\":\"V2GCertificate\"" : string.Empty;

        Assert.Equal("Accepted", (await CallAsync(id, "CertificateSigned", $$"""{"certificateChain":"{{Pem(leaf)}}{{Pem(ca)}}"{{type}}}""")).GetProperty("status").GetString());
        Assert.Equal("Rejected", (await CallAsync(id, "CertificateSigned", $$"""{"certificateChain":"{{Pem(expired)}}"}""")).GetProperty("status").GetString());
        Assert.Equal("Rejected", (await CallAsync(id, "CertificateSigned", """{"certificateChain":"not a certificate"}""")).GetProperty("status").GetString());
        if (version == OcppVersion.V201)
        {
            // 2.0.1 M03: the V2G chain is listed with its sub-CA as a child.
            var listed = await CallAsync(id, "GetInstalledCertificateIds", """{"certificateType":["V2GCertificateChain"]}""");
            var chain = Assert.Single(listed.GetProperty("certificateHashDataChain").EnumerateArray());
            Assert.Equal("1020304", chain.GetProperty("certificateHashData").GetProperty("serialNumber").GetString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(PublicKeyBits(ca))), chain.GetProperty("certificateHashData").GetProperty("issuerKeyHash").GetString());
            Assert.Single(chain.GetProperty("childCertificateHashData").EnumerateArray());
        }

        await station.AssertSentFramesValidAsync();
    }

    private async Task<JsonElement> CallAsync(string id, string action, string payload) =>
        await (await Server.Api().PostJsonAsync($"/api/stations/{id}/ocpp/{action}", payload)).JsonAsync(200);

    private static string Pem(X509Certificate2 certificate) => JsonEncodedText.Encode(certificate.ExportCertificatePem() + "\n").ToString();

    /// <summary>The subjectPublicKey BIT STRING of the certificate's SubjectPublicKeyInfo, read with an ASN.1 reader.</summary>
    private static byte[] PublicKeyBits(X509Certificate2 certificate)
    {
        var info = new AsnReader(certificate.PublicKey.ExportSubjectPublicKeyInfo(), AsnEncodingRules.DER).ReadSequence();
        info.ReadSequence(); // the algorithm
        return info.ReadBitString(out _);
    }
}
