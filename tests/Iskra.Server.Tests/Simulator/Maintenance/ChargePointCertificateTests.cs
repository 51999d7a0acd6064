using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>
/// A 1.6 station's certificate update (1.6 security A02): a new key pair and CSR on SignChargePointCertificate, and a
/// signed certificate installed only when it is for that key and chains to the installed CentralSystemRootCertificate.
/// </summary>
public sealed class ChargePointCertificateTests(MaintenanceServer shared) : IClassFixture<MaintenanceServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_triggered_CSR_names_the_CPO_and_only_a_certificate_for_its_key_from_the_installed_root_is_accepted()
    {
        var id = "sim-cpc-16";
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V16);
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = Authority("CN=Sim CPO Root, O=Iskra Tests", rootKey, now);
        using var rogueKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rogue = Authority("CN=Sim Rogue Root, O=Iskra Tests", rogueKey, now);
        Assert.Equal("Accepted", await StatusAsync(id, "InstallCertificate", $$"""{"certificateType":"CentralSystemRootCertificate","certificate":"{{Pem(root)}}"}"""));
        Assert.Equal("Accepted", await StatusAsync(id, "ChangeConfiguration", """{"key":"CpoName","value":"Sim CPO"}"""));

        Assert.Equal("Accepted", await StatusAsync(id, "ExtendedTriggerMessage", """{"requestedMessage":"SignChargePointCertificate"}"""));
        await Maintenance.WaitAsync(station, s => s.Sent("SignCertificate").Count > 0);
        var csr = CertificateRequest.LoadSigningRequestPem(station.Sent("SignCertificate")[0].GetProperty("csr").GetString()!, HashAlgorithmName.SHA256);
        Assert.Equal(["CN=" + id, "O=Sim CPO"], csr.SubjectName.Name.Split(", ").Order(StringComparer.Ordinal));

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forOtherKey = new CertificateRequest($"CN={id}, O=Sim CPO", otherKey, HashAlgorithmName.SHA256).Create(root, now.AddHours(-1), now.AddYears(1), [1, 1]);
        Assert.Equal("Rejected", await StatusAsync(id, "CertificateSigned", $$"""{"certificateChain":"{{Pem(forOtherKey)}}"}"""));
        using var fromRogue = csr.Create(rogue, now.AddHours(-1), now.AddYears(1), [2, 2]);
        Assert.Equal("Rejected", await StatusAsync(id, "CertificateSigned", $$"""{"certificateChain":"{{Pem(fromRogue)}}"}"""));
        using var expired = csr.Create(root, now.AddDays(-2), now.AddDays(-1), [3, 3]);
        Assert.Equal("Rejected", await StatusAsync(id, "CertificateSigned", $$"""{"certificateChain":"{{Pem(expired)}}"}"""));
        await Maintenance.WaitAsync(station, s => s.Sent("SecurityEventNotification").Count >= 3);
        Assert.All(station.Sent("SecurityEventNotification"), e => Assert.Equal("InvalidChargePointCertificate", e.GetProperty("type").GetString()));

        using var signed = csr.Create(root, now.AddHours(-1), now.AddYears(1), [4, 4]);
        Assert.Equal("Accepted", await StatusAsync(id, "CertificateSigned", $$"""{"certificateChain":"{{Pem(signed)}}"}"""));
        Assert.Equal("Rejected", await StatusAsync(id, "CertificateSigned", $$"""{"certificateChain":"{{Pem(signed)}}"}""")); // its key pair is spent: no request is pending
        await station.AssertSentFramesValidAsync();
    }

    private static X509Certificate2 Authority(string name, ECDsa key, DateTimeOffset now)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(now.AddDays(-3), now.AddYears(5));
    }

    private async Task<string?> StatusAsync(string id, string action, string payload) =>
        (await (await Server.Api().PostJsonAsync($"/api/stations/{id}/ocpp/{action}", payload)).JsonAsync(200)).GetProperty("status").GetString();

    private static string Pem(X509Certificate2 certificate) => JsonEncodedText.Encode(certificate.ExportCertificatePem() + "\n").ToString();
}
