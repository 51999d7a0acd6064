using System.Security.Cryptography;
using System.Text;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>Iskra's update-firmware to a simulated station: a real download of the repository's image, the statuses, the reboot into the new version.</summary>
public sealed class FirmwareUpdateTests(MaintenanceServer shared) : IClassFixture<MaintenanceServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_repository_image_is_downloaded_installed_and_booted_into(OcppVersion version)
    {
        var id = $"sim-fw-ok-{version}";
        var image = RandomNumberGenerator.GetBytes(50_000);
        var (firmwareId, _) = await Maintenance.UploadFirmwareAsync(Server, image, $"sim-station-fw-2.3.{(int)version}.bin");
        await using var station = await Maintenance.StartAsync(Server, id, version);
        Assert.Equal("1.0.0", station.FirmwareVersion);
        using var api = Server.Api();

        var reply = await (await api.PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            $$"""{"firmwareId":{{firmwareId}},"retrieveDate":"{{DateTime.UtcNow:O}}","retries":1}""")).JsonAsync(200);
        Assert.Equal("Accepted", reply.GetProperty("status").GetString());

        var update = await Maintenance.NewestWithStatusAsync(Server, $"/api/stations/{id}/firmware-updates", "Installed");
        string[] expected = version == OcppVersion.V16
            ? ["Downloading", "Downloaded", "Installing", "Installed"]
            : ["Downloading", "Downloaded", "Installing", "InstallRebooting", "Installed"];
        Assert.Equal(expected, Maintenance.History(update));
        Assert.Equal($"2.3.{(int)version}", station.FirmwareVersion);
        Assert.Equal("Installed", station.FirmwareStatus);

        // The exact bytes came down: the station logged their length and SHA-256.
        var hash = Convert.ToHexStringLower(SHA256.HashData(image));
        Assert.Contains(station.Log.Entries, e => e.Text.Contains($"{image.Length} bytes, SHA-256 {hash}", StringComparison.Ordinal));

        // It rebooted: the BootNotification after the update carries the new version (and, on 2.0.1, the reason).
        var boots = station.Sent("BootNotification");
        Assert.Equal(2, boots.Count);
        var boot = version == OcppVersion.V16 ? boots[1] : boots[1].GetProperty("chargingStation");
        Assert.Equal($"2.3.{(int)version}", boot.GetProperty("firmwareVersion").GetString());
        if (version == OcppVersion.V201)
        {
            Assert.Equal("FirmwareUpdate", boots[1].GetProperty("reason").GetString());
            Assert.All(station.Sent("FirmwareStatusNotification"), n => Assert.Equal(update.GetProperty("ocppRequestId").GetInt32(), n.GetProperty("requestId").GetInt32()));
        }

        var view = await (await api.GetAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Ct)).JsonAsync(200);
        Assert.Equal($"2.3.{(int)version}", view.GetProperty("firmwareVersion").GetString());
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_url_that_serves_nothing_ends_in_DownloadFailed_after_the_retries(OcppVersion version)
    {
        var id = $"sim-fw-bad-{version}";
        await using var station = await Maintenance.StartAsync(Server, id, version);
        var location = $"{Server.BaseUri}files/firmware/987654/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/fw-9.9.9.bin";

        await (await Server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            $$"""{"location":"{{location}}","retrieveDate":"{{DateTime.UtcNow:O}}","retries":2,"retryInterval":1}""")).JsonAsync(200);

        var update = await Maintenance.NewestWithStatusAsync(Server, $"/api/stations/{id}/firmware-updates", "DownloadFailed");
        Assert.Equal(["Downloading", "DownloadFailed"], Maintenance.History(update));
        Assert.Equal(2, station.Log.Entries.Count(e => e.Text.StartsWith("Firmware download attempt", StringComparison.Ordinal)));
        Assert.Equal("1.0.0", station.FirmwareVersion);
        Assert.Single(station.Sent("BootNotification"));
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task An_image_built_for_another_model_ends_in_InstallationFailed_and_the_old_firmware_runs_on(OcppVersion version)
    {
        var id = $"sim-fw-foreign-{version}";
        var (firmwareId, _) = await Maintenance.UploadFirmwareAsync(Server, Encoding.UTF8.GetBytes("model=Other-Wallbox\nversion=9.9.9\n"), $"other-fw-9.9.9-{(int)version}.bin");
        await using var station = await Maintenance.StartAsync(Server, id, version);

        await (await Server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            $$"""{"firmwareId":{{firmwareId}},"retrieveDate":"{{DateTime.UtcNow:O}}"}""")).JsonAsync(200);

        var update = await Maintenance.NewestWithStatusAsync(Server, $"/api/stations/{id}/firmware-updates", "InstallationFailed");
        Assert.Equal(["Downloading", "Downloaded", "Installing", "InstallationFailed"], Maintenance.History(update));
        Assert.Equal("1.0.0", station.FirmwareVersion);
        Assert.Equal("InstallationFailed", station.FirmwareStatus);
        Assert.Single(station.Sent("BootNotification")); // no reboot
        Assert.Contains(station.Log.Entries, e => e.Text.Contains("built for Other-Wallbox, not for this station's model Simulator", StringComparison.Ordinal));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_signed_update_on_201_verifies_the_signature_and_a_wrong_one_is_InvalidSignature()
    {
        var id = "sim-fw-signed-201";
        var image = Encoding.UTF8.GetBytes("version=4.0.0-signed\n" + new string('x', 1000));
        var (firmwareId, _) = await Maintenance.UploadFirmwareAsync(Server, image, "image.bin");
        using var key = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Sim Firmware Signer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pem = JsonEncode(certificate.ExportCertificatePem());
        var good = Convert.ToBase64String(key.SignData(image, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var bad = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes("something else"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            $$"""{"firmwareId":{{firmwareId}},"retrieveDate":"{{DateTime.UtcNow:O}}","signingCertificate":"{{pem}}","signature":"{{bad}}"}""")).JsonAsync(200);
        var refused = await Maintenance.NewestWithStatusAsync(Server, $"/api/stations/{id}/firmware-updates", "InvalidSignature");
        Assert.Equal(["Downloading", "Downloaded", "InvalidSignature"], Maintenance.History(refused));
        await Maintenance.WaitAsync(station, s => s.Sent("SecurityEventNotification").Count > 0);
        Assert.Equal("InvalidFirmwareSignature", station.Sent("SecurityEventNotification")[0].GetProperty("type").GetString());

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            $$"""{"firmwareId":{{firmwareId}},"retrieveDate":"{{DateTime.UtcNow:O}}","signingCertificate":"{{pem}}","signature":"{{good}}"}""")).JsonAsync(200);
        var installed = await Maintenance.NewestWithStatusAsync(Server, $"/api/stations/{id}/firmware-updates", "Installed");
        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting", "Installed"], Maintenance.History(installed));
        Assert.Equal("4.0.0-signed", station.FirmwareVersion);
        Assert.Contains(station.Sent("SecurityEventNotification"), e => e.GetProperty("type").GetString() == "FirmwareUpdated");
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_second_update_cancels_the_first_and_the_fault_drops_the_request_id()
    {
        var id = "sim-fw-cancel-201";
        var image = RandomNumberGenerator.GetBytes(1000);
        var (firmwareId, _) = await Maintenance.UploadFirmwareAsync(Server, image, "fw-5.0.bin");
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V201);
        station.Faults.Set(StationFault.FirmwareStatusWithoutRequestId, true);
        using var api = Server.Api();

        // The first waits for a retrieve date an hour away; the second replaces it.
        var first = await (await api.PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            $$"""{"firmwareId":{{firmwareId}},"retrieveDate":"{{DateTime.UtcNow.AddHours(1):O}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", first.GetProperty("status").GetString());
        var second = await (await api.PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            $$"""{"firmwareId":{{firmwareId}},"retrieveDate":"{{DateTime.UtcNow:O}}"}""")).JsonAsync(200);
        Assert.Equal("AcceptedCanceled", second.GetProperty("status").GetString());

        await Maintenance.WaitAsync(station, s => s.FirmwareStatus == "Installed");
        Assert.Equal(["Downloading", "Downloaded", "Installing", "InstallRebooting", "Installed"], Maintenance.Statuses(station, "FirmwareStatusNotification"));
        Assert.All(station.Sent("FirmwareStatusNotification"), n => Assert.False(n.TryGetProperty("requestId", out _)));
        Assert.Equal("5.0", station.FirmwareVersion);
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_16_signed_update_reports_signed_statuses_with_its_request_id()
    {
        var id = "sim-fw-signed-16";
        var image = Encoding.UTF8.GetBytes("{\"version\": \"6.1\"}");
        var (_, url) = await Maintenance.UploadFirmwareAsync(Server, image, "fw.json");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Sim Signer", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var signature = Convert.ToBase64String(key.SignData(image, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V16);
        var root = await (await Server.Api().PostJsonAsync($"/api/stations/{id}/ocpp/InstallCertificate",
            $$"""{"certificateType":"ManufacturerRootCertificate","certificate":"{{JsonEncode(certificate.ExportCertificatePem())}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", root.GetProperty("status").GetString()); // the self-signed signer is its own manufacturer root here

        var answer = await (await Server.Api().PostJsonAsync($"/api/stations/{id}/ocpp/SignedUpdateFirmware",
            $$$"""{"requestId":77,"retries":1,"firmware":{"location":"{{{url}}}","retrieveDateTime":"{{{DateTime.UtcNow:O}}}","signingCertificate":"{{{JsonEncode(certificate.ExportCertificatePem())}}}","signature":"{{{signature}}}"}}""")).JsonAsync(200);
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());

        await Maintenance.WaitAsync(station, s => s.FirmwareStatus == "Installed");
        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting", "Installed"], Maintenance.Statuses(station, "SignedFirmwareStatusNotification"));
        Assert.All(station.Sent("SignedFirmwareStatusNotification"), n => Assert.Equal(77, n.GetProperty("requestId").GetInt32()));
        Assert.Empty(station.Sent("FirmwareStatusNotification"));
        Assert.Equal("6.1", station.FirmwareVersion);
        Assert.Equal(77, station.FirmwareRequestId);

        var refused = await (await Server.Api().PostJsonAsync($"/api/stations/{id}/ocpp/SignedUpdateFirmware",
            $$$"""{"requestId":78,"firmware":{"location":"{{{url}}}","retrieveDateTime":"{{{DateTime.UtcNow:O}}}","signingCertificate":"not a certificate","signature":"{{{signature}}}"}}""")).JsonAsync(200);
        Assert.Equal("InvalidCertificate", refused.GetProperty("status").GetString());
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_16_signing_certificate_must_chain_to_an_installed_manufacturer_root_and_an_RSA_PSS_signature_verifies()
    {
        var id = "sim-fw-root-16";
        var image = Encoding.UTF8.GetBytes("{\"version\": \"6.2\"}");
        var (_, url) = await Maintenance.UploadFirmwareAsync(Server, image, "fw-pss.json");
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Sim Manufacturer Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        using var signerKey = RSA.Create(3072);
        var signerRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Sim Firmware Signer", signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        using var signer = signerRequest.Create(root.SubjectName, System.Security.Cryptography.X509Certificates.X509SignatureGenerator.CreateForECDsa(rootKey), now.AddHours(-1), now.AddYears(1), [9, 9]);
        var signature = Convert.ToBase64String(signerKey.SignData(image, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        var update = $$$"""{"requestId":91,"retries":1,"firmware":{"location":"{{{url}}}","retrieveDateTime":"{{{DateTime.UtcNow:O}}}","signingCertificate":"{{{JsonEncode(signer.ExportCertificatePem())}}}","signature":"{{{signature}}}"}}""";
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V16);
        using var api = Server.Api();

        // 1.6 security L01.FR.12/L01.FR.24: no manufacturer root to chain to, so the certificate is refused with its event.
        Assert.Equal("InvalidCertificate", (await (await api.PostJsonAsync($"/api/stations/{id}/ocpp/SignedUpdateFirmware", update)).JsonAsync(200)).GetProperty("status").GetString());
        await Maintenance.WaitAsync(station, s => s.Sent("SecurityEventNotification").Count > 0);
        Assert.Equal("InvalidFirmwareSigningCertificate", station.Sent("SecurityEventNotification")[0].GetProperty("type").GetString());

        var installed = await (await api.PostJsonAsync($"/api/stations/{id}/ocpp/InstallCertificate",
            $$"""{"certificateType":"ManufacturerRootCertificate","certificate":"{{JsonEncode(root.ExportCertificatePem())}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", installed.GetProperty("status").GetString());
        Assert.Equal("Accepted", (await (await api.PostJsonAsync($"/api/stations/{id}/ocpp/SignedUpdateFirmware", update)).JsonAsync(200)).GetProperty("status").GetString());
        await Maintenance.WaitAsync(station, s => s.FirmwareStatus == "Installed");
        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting", "Installed"], Maintenance.Statuses(station, "SignedFirmwareStatusNotification"));
        Assert.Equal("6.2", station.FirmwareVersion);
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task The_install_reboot_stops_a_running_transaction_with_reason_Reboot(OcppVersion version)
    {
        var id = $"sim-fw-tx-{version}";
        var card = $"SIMFW-{version}";
        await Server.IdTagAsync(card);
        var (firmwareId, _) = await Maintenance.UploadFirmwareAsync(Server, RandomNumberGenerator.GetBytes(2000), $"fw-3.{(int)version}.bin");
        await using var station = await Maintenance.StartAsync(Server, id, version);
        await station.StartSessionAsync(1, card);

        await (await Server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            $$"""{"firmwareId":{{firmwareId}},"retrieveDate":"{{DateTime.UtcNow:O}}"}""")).JsonAsync(200);

        await Maintenance.NewestWithStatusAsync(Server, $"/api/stations/{id}/firmware-updates", "Installed");
        await station.SettleAsync();
        Assert.Null(station.Connector(1).Session);
        var transactions = await (await Server.Api().GetAsync(new Uri($"/api/transactions?stationId={id}", UriKind.Relative), Ct)).JsonAsync(200);
        var transaction = Assert.Single(transactions.GetProperty("items").EnumerateArray());
        Assert.Equal("Reboot", transaction.GetProperty("stopReason").GetString());
        Assert.Equal($"3.{(int)version}", station.FirmwareVersion);
        await station.AssertSentFramesValidAsync();
    }

    private static string JsonEncode(string text) => System.Text.Json.JsonEncodedText.Encode(text).ToString();
}
