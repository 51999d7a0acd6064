using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>
/// OCTT 1.6 Table 89: the station asks for a certificate, the lab (as certificate authority) signs it with the authority it
/// installed for the case, the station accepts it and reconnects presenting it (1.6 security A02.FR.08). Iskra admits the
/// lab-issued certificate for this station only while the run holds it (<see cref="CaseContext.TrustIssued"/>).
/// </summary>
public sealed class TC_074_CS : LabCase
{
    private const string CommonName = "2.5.4.3";

    public override CaseInfo Info { get; } = new("TC_074_CS", "Update Charge Point Certificate by request of Central System", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.1")
    {
        Requirements = ["OCPP 1.6 security A02.FR.02", "OCPP 1.6 security A02.FR.06", "OCPP 1.6 security A02.FR.08", "OCPP 1.6 security A02.FR.13 CpoName"],
    };

    public override string? NotApplicableTo(Declared model) => Certificates.NeedsProfile(model, this, 3);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        using var authority = await ChargePointCertificates.AuthorityAsync(t).ConfigureAwait(false);
        try
        {
            await keys.SetAsync(t, "CpoName", ChargePointCertificates.CpoName, "configuration").ConfigureAwait(false);
            var (request, _) = await ChargePointCertificates.RequestAsync(t).ConfigureAwait(false);
            var now = t.Time.GetUtcNow();
            using var issued = TestAuthority.IssueStationCertificate(authority, request, now.AddMinutes(-5), authority.NotAfter);
            t.TrustIssued(issued);
            var status = await ChargePointCertificates.SendAsync(t, issued).ConfigureAwait(false);
            t.Require(status == CertificateSignedStatusEnumType.Accepted, "6",
                $"CertificateSigned.conf status is Accepted for a valid certificate for the station's key, issued by the installed CentralSystemRootCertificate {authority.Subject}",
                $"status is {status}",
                "Accept a signed certificate that is valid now, is for the key pair of the last SignCertificate.req and chains to an installed CentralSystemRootCertificate, answering CertificateSigned.conf Accepted (1.6 security A02.FR.06).",
                requirement: "OCPP 1.6 security A02.FR.06");

            const string Reconnect = "After accepting the new Charge Point certificate, switch to it as soon as its validity has started: close the connection and reconnect over TLS presenting the new certificate as the client certificate (1.6 security A02.FR.08, security profile 3).";
            var commonName = TestAuthority.NamePart(issued.SubjectName, CommonName);
            var refused = commonName == t.StationId ? ""
                : $" Note: the CSR's subject CN is {commonName ?? "absent"}; Iskra admits a profile 3 connection only with a CN equal to the Charge Point's identity {t.StationId} (1.6 security A00.FR.405/A00.FR.511).";
            using var presented = await t.ExpectReconnectAsync("7", Reconnect + refused, within: t.Settings.StationTimeout * 2, requirement: "OCPP 1.6 security A02.FR.08").ConfigureAwait(false);
            var same = presented is not null && presented.RawDataMemory.Span.SequenceEqual(issued.RawDataMemory.Span);
            t.Check(same, "7", $"The Charge Point reconnects with the new certificate: serial number {issued.SerialNumber}, thumbprint {issued.Thumbprint}",
                presented is null ? "it reconnected without a client certificate"
                    : $"it reconnected presenting {presented.Subject}, issued by {presented.Issuer}, serial number {presented.SerialNumber}, thumbprint {presented.Thumbprint}",
                Reconnect, requirement: "OCPP 1.6 security A02.FR.08");
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
            await Certificates.RemoveAsync(t, authority).ConfigureAwait(false);
        }
    }
}
