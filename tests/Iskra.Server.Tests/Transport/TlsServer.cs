using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Transport;

/// <summary>
/// One Iskra host for the TLS tests, configured the way README's TLS paragraph tells an operator:
/// a plain and an HTTPS Kestrel endpoint from configuration (server certificate as PEM files,
/// <c>ClientCertificateMode: AllowCertificate</c>) and <c>Ocpp:StationCaFile</c> naming the CA that
/// issues station certificates. The certificates are made once, in memory, and written to a temp folder.
/// </summary>
public sealed class TlsServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iskra-tls-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The operator's CA: it issues the server certificate and the station certificates Iskra trusts.</summary>
    public TestCertificates Trusted { get; } = new("Iskra Test CA");

    /// <summary>A CA Iskra was not told about.</summary>
    public TestCertificates Rogue { get; } = new("Rogue CA");

    public IskraServer Server { get; private set; } = null!;

    /// <summary>The plain http:// address.</summary>
    public Uri Http { get; private set; } = null!;

    /// <summary>The https:// address.</summary>
    public Uri Https { get; private set; } = null!;

    public Uri Ws(string stationId) => new($"ws://{Http.Authority}/ocpp/{Uri.EscapeDataString(stationId)}");

    public Uri Wss(string stationId) => new($"wss://{Https.Authority}/ocpp/{Uri.EscapeDataString(stationId)}");

    /// <summary>An API client over https that trusts the test CA; <paramref name="key"/> null sends no Authorization header.</summary>
    public HttpClient HttpsApi(string? key = ApiClient.AdminKey)
    {
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => Trusted.Validates(certificate) };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = Https };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var serverCertificate = Trusted.Server();
        using var serverKey = serverCertificate.GetECDsaPrivateKey()!;
        var certificatePath = Path.Combine(_folder, "csms.crt");
        var keyPath = Path.Combine(_folder, "csms.key");
        var caPath = Path.Combine(_folder, "station-ca.pem");
        await File.WriteAllTextAsync(certificatePath, serverCertificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, serverKey.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(caPath, Trusted.AuthorityPem);

        Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = certificatePath,
            ["Kestrel:Endpoints:Https:Certificate:KeyPath"] = keyPath,
            ["Kestrel:Endpoints:Https:ClientCertificateMode"] = "AllowCertificate",
            ["Kestrel:Endpoints:Https:SslProtocols:0"] = "Tls12",
            ["Kestrel:Endpoints:Https:SslProtocols:1"] = "Tls13",
            ["Ocpp:StationCaFile"] = caPath,
            ["Csms:MaxFailedHandshakes"] = "1000", // every refusal here comes from 127.0.0.1
        });
        Http = Server.Addresses.Single(a => a.Scheme == Uri.UriSchemeHttp);
        Https = Server.Addresses.Single(a => a.Scheme == Uri.UriSchemeHttps);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Trusted.Dispose();
        Rogue.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
