using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Transport;
using Iskra.Simulator.Security;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>
/// A 1.6 station on security profile 3 renews its certificate (1.6 security A02) over real TLS: after CertificateSigned
/// it reconnects presenting the new certificate (A02.FR.08), which Iskra's admission trusts.
/// </summary>
public sealed class CertificateRenewalTlsTests(TlsServer tls) : IClassFixture<TlsServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_profile_3_station_reconnects_with_its_renewed_certificate_and_is_admitted()
    {
        const string id = "sim-p3-renew";
        await tls.Server.StationAsync(id, securityProfile: 3);
        using var first = tls.Trusted.Client(id);
        await using var station = new SimStation(SimulatedStations.Options(tls.Server, id, OcppVersion.V16) with
        {
            CsmsUrl = new Uri($"wss://{tls.Https.Authority}/ocpp"),
            Password = null,
            ClientCertificate = first,
            ServerCertificateAuthority = tls.Trusted.Authority,
            ActionDelay = TimeSpan.FromMilliseconds(300),
        });
        station.Start();
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(15), Ct);
        Assert.Equal("Accepted", await StatusAsync(id, "InstallCertificate", $$"""{"certificateType":"CentralSystemRootCertificate","certificate":"{{JsonEncodedText.Encode(tls.Trusted.AuthorityPem)}}"}"""));
        Assert.Equal("Accepted", await StatusAsync(id, "ChangeConfiguration", """{"key":"CpoName","value":"Iskra Tests"}"""));

        Assert.Equal("Accepted", await StatusAsync(id, "ExtendedTriggerMessage", """{"requestedMessage":"SignChargePointCertificate"}"""));
        await station.WaitUntilAsync(s => s.Sent("SignCertificate").Count > 0, TimeSpan.FromSeconds(15), Ct);
        var csr = CertificateRequest.LoadSigningRequestPem(station.Sent("SignCertificate")[0].GetProperty("csr").GetString()!, HashAlgorithmName.SHA256);
        csr.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var renewed = csr.Create(tls.Trusted.Authority, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30), [5, 6, 7]);
        var connections = station.Connections;
        Assert.Equal("Accepted", await StatusAsync(id, "CertificateSigned", $$"""{"certificateChain":"{{JsonEncodedText.Encode(renewed.ExportCertificatePem())}}"}"""));

        // Admitted again: Iskra opens the socket only for a client certificate of its station CA with CN = the id.
        await station.WaitUntilAsync(s => s.Connections > connections && s.IsConnected, TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(renewed.Thumbprint, CertificateStore.Of(station).ClientCertificate(first, DateTimeOffset.UtcNow).Thumbprint);
        Assert.True(CertificateStore.Of(station).ClientCertificate(first, DateTimeOffset.UtcNow).HasPrivateKey);
    }

    private async Task<string?> StatusAsync(string id, string action, string payload) =>
        (await (await tls.Server.Api().PostJsonAsync($"/api/stations/{id}/ocpp/{action}", payload)).JsonAsync(200)).GetProperty("status").GetString();
}
