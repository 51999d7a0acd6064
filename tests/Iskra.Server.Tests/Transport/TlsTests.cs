using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Iskra.Csms.Routing;
using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Transport;

/// <summary>
/// Security profiles over real TLS (SPEC §2.1; OCPP security whitepaper / 2.0.1 part 2 A00.FR.2xx-4xx):
/// real ClientWebSocket stations against the real host's Kestrel HTTPS endpoint, with certificates
/// of an in-memory test CA.
/// </summary>
public sealed class TlsTests(TlsServer tls) : IClassFixture<TlsServer>
{
    private const string BootV201 = """{"chargingStation":{"vendorName":"Iskra","model":"Tls"},"reason":"PowerUp"}""";
    private const string BootV16 = """{"chargePointVendor":"Iskra","chargePointModel":"Tls"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IskraServer Server => tls.Server;

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task A_profile_2_station_with_its_password_is_admitted_over_wss(OcppVersion version)
    {
        var id = "P2OK" + version;
        await Server.StationAsync(id, securityProfile: 2);

        await using var station = await TestStation.ConnectAsync(tls.Wss(id), id, version, Seed.Password, TrustServer);

        await AssertBootAcceptedAsync(station);
    }

    [Fact]
    public async Task A_profile_2_station_over_plain_ws_is_refused_and_the_attempt_is_recorded_as_TLS()
    {
        await Server.StationAsync("P2PLAIN", securityProfile: 2);

        await AssertRefusedAsync(() => TestStation.ConnectAsync(tls.Ws("P2PLAIN"), "P2PLAIN", OcppVersion.V201, Seed.Password));

        Assert.Equal(RefusalReason.Tls, await RefusalOfAsync("P2PLAIN"));
    }

    [Fact]
    public async Task A_profile_2_station_with_a_wrong_password_over_wss_is_refused()
    {
        await Server.StationAsync("P2WRONG", securityProfile: 2);

        await AssertRefusedAsync(() => TestStation.ConnectAsync(tls.Wss("P2WRONG"), "P2WRONG", OcppVersion.V201, "wrong-password-123", TrustServer));

        Assert.Equal(RefusalReason.BadCredentials, await RefusalOfAsync("P2WRONG"));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task A_profile_3_station_whose_certificate_CN_is_its_id_is_admitted_without_Basic_auth(OcppVersion version)
    {
        var id = "P3OK" + version;
        await Server.StationAsync(id, securityProfile: 3);
        var certificate = tls.Trusted.Client(id);

        await using var station = await TestStation.ConnectAsync(tls.Wss(id), id, version, password: null, WithClientCertificate(certificate));

        await AssertBootAcceptedAsync(station);
    }

    [Fact]
    public async Task A_profile_3_station_without_a_client_certificate_is_refused_even_with_the_right_password()
    {
        await Server.StationAsync("P3NOCERT", securityProfile: 3);

        await AssertRefusedAsync(() => TestStation.ConnectAsync(tls.Wss("P3NOCERT"), "P3NOCERT", OcppVersion.V201, Seed.Password, TrustServer));

        Assert.Equal(RefusalReason.Tls, await RefusalOfAsync("P3NOCERT"));
    }

    [Fact]
    public async Task A_profile_3_station_presenting_a_certificate_with_another_CN_is_refused()
    {
        await Server.StationAsync("P3OTHER", securityProfile: 3);
        var someoneElses = tls.Trusted.Client("P3SOMEONE");

        await AssertRefusedAsync(() => TestStation.ConnectAsync(tls.Wss("P3OTHER"), "P3OTHER", OcppVersion.V201, null, WithClientCertificate(someoneElses)));

        Assert.Equal(RefusalReason.Tls, await RefusalOfAsync("P3OTHER"));
    }

    [Fact]
    public async Task A_certificate_with_the_right_CN_from_a_CA_Iskra_does_not_trust_is_refused_and_recorded()
    {
        // A00.FR.403/407: the certification path is verified against the configured station CA only.
        await Server.StationAsync("P3ROGUE", securityProfile: 3);
        var forged = tls.Rogue.Client("P3ROGUE");

        await AssertRefusedAsync(() => TestStation.ConnectAsync(tls.Wss("P3ROGUE"), "P3ROGUE", OcppVersion.V201, null, WithClientCertificate(forged)));

        // What the operator sees (A00.FR.408: the refusal is logged).
        await Server.FlushRefusalsAsync();
        using var api = tls.HttpsApi();
        var attempts = await (await api.GetAsync(new Uri("api/connection-attempts?stationId=P3ROGUE", UriKind.Relative), Ct)).JsonAsync(200);
        var attempt = Assert.Single(attempts.GetProperty("items").EnumerateArray());
        Assert.Equal("Tls", attempt.GetProperty("reason").GetString());
        Assert.Equal(IPAddress.Loopback.ToString(), attempt.GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_trusted_certificate_without_extended_key_usage_is_admitted()
    {
        await Server.StationAsync("P3NOEKU", securityProfile: 3);
        var plain = tls.Trusted.Client("P3NOEKU", usage: null);

        await using var station = await TestStation.ConnectAsync(tls.Wss("P3NOEKU"), "P3NOEKU", OcppVersion.V16, null, WithClientCertificate(plain));

        await AssertBootAcceptedAsync(station);
    }

    [Fact]
    public async Task An_expired_certificate_from_the_trusted_CA_is_refused()
    {
        await Server.StationAsync("P3EXPIRED", securityProfile: 3);
        var expired = tls.Trusted.Client("P3EXPIRED", notAfter: DateTimeOffset.UtcNow.AddDays(-1));

        await AssertRefusedAsync(() => TestStation.ConnectAsync(tls.Wss("P3EXPIRED"), "P3EXPIRED", OcppVersion.V201, null, WithClientCertificate(expired)));

        Assert.Equal(RefusalReason.Tls, await RefusalOfAsync("P3EXPIRED"));
    }

    [Fact]
    public async Task A_trusted_certificate_that_is_not_for_client_authentication_is_refused()
    {
        await Server.StationAsync("P3SERVERONLY", securityProfile: 3);
        var serverOnly = tls.Trusted.ServerOnly("P3SERVERONLY");

        await AssertRefusedAsync(() => TestStation.ConnectAsync(tls.Wss("P3SERVERONLY"), "P3SERVERONLY", OcppVersion.V201, null, WithClientCertificate(serverOnly)));

        Assert.Equal(RefusalReason.Tls, await RefusalOfAsync("P3SERVERONLY"));
    }

    [Fact]
    public async Task A_profile_1_station_may_use_wss_too()
    {
        await Server.StationAsync("P1TLS", securityProfile: 1);

        await using var station = await TestStation.ConnectAsync(tls.Wss("P1TLS"), "P1TLS", OcppVersion.V201, Seed.Password, TrustServer);

        await AssertBootAcceptedAsync(station);
    }

    [Fact]
    public async Task The_REST_API_answers_over_https()
    {
        using var anonymous = tls.HttpsApi(key: null);
        using var admin = tls.HttpsApi();

        using var health = await anonymous.GetAsync(new Uri("health", UriKind.Relative), Ct);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        using var withoutKey = await anonymous.GetAsync(new Uri("api/stations", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        var stations = await (await admin.GetAsync(new Uri("api/stations", UriKind.Relative), Ct)).JsonAsync(200);
        Assert.Equal(JsonValueKind.Array, stations.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task A_certificate_the_claim_on_a_station_issued_admits_it_while_the_claim_lasts_and_the_claim_sees_the_connection()
    {
        // The test lab renewing a station's certificate (1.6 TC_074): its own CA, trusted for this station and this claim only.
        const string id = "P3CLAIMED";
        await Server.StationAsync(id, securityProfile: 3);
        var issued = tls.Rogue.Client(id);
        var claims = Server.Services.GetRequiredService<StationClaims>();
        var claim = new IssuingClaim(issued);
        Assert.True(claims.TryClaim(id, claim, out _));
        try
        {
            await using (var station = await TestStation.ConnectAsync(tls.Wss(id), id, OcppVersion.V16, null, WithClientCertificate(issued)))
            {
                await WaitForAsync(() => claim.Connected.Count == 1);
                Assert.Equal(issued.Thumbprint, claim.Connected.Single());
            }

            await AssertRefusedAsync(() => TestStation.ConnectAsync(tls.Wss(id), id, OcppVersion.V16, null, WithClientCertificate(tls.Rogue.Client(id)))); // not the issued one
        }
        finally
        {
            claims.Release(id, claim);
        }

        await AssertRefusedAsync(() => TestStation.ConnectAsync(tls.Wss(id), id, OcppVersion.V16, null, WithClientCertificate(issued)));
        Assert.Single(claim.Connected); // the refused attempts were never shown to the claim
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>A claim that issued one client certificate and records the certificates of the connections it sees.</summary>
    private sealed class IssuingClaim(X509Certificate2 issued) : IStationClaim
    {
        public System.Collections.Concurrent.ConcurrentQueue<string?> Connected { get; } = new();

        public string Owner => "test claim";

        public string Reference => "/test";

        public bool IssuedClientCertificate(X509Certificate2 certificate) => certificate.RawDataMemory.Span.SequenceEqual(issued.RawDataMemory.Span);

        public void OnConnected(X509Certificate2? clientCertificate) => Connected.Enqueue(clientCertificate?.Thumbprint);

        public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
        {
        }

        public ValueTask<RpcReply> HandleAsync(RpcCall request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RpcReply.Error(OcppErrorCode.NotImplemented, "test claim"));
    }

    private void TrustServer(ClientWebSocketOptions options) => options.RemoteCertificateValidationCallback = tls.Trusted.ServerValidation;

    private Action<ClientWebSocketOptions> WithClientCertificate(X509Certificate2 certificate) => options =>
    {
        TrustServer(options);
        options.ClientCertificates = [certificate];
    };

    private static async Task AssertBootAcceptedAsync(TestStation station)
    {
        var reply = await station.CallAsync("BootNotification", station.Version == OcppVersion.V16 ? BootV16 : BootV201);
        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
    }

    private static async Task AssertRefusedAsync(Func<Task<TestStation>> connect)
    {
        var refused = await Assert.ThrowsAsync<WebSocketException>(connect);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    private async Task<RefusalReason> RefusalOfAsync(string stationId)
    {
        await Server.FlushRefusalsAsync();
        await using var db = Server.CreateDbContext();
        return (await db.ConnectionAttempts.SingleAsync(a => a.StationId == stationId, Ct)).Reason;
    }
}
