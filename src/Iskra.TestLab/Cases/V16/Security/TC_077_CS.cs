using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>
/// OCTT 1.6 Table 93: the station asks for a certificate, the lab (as certificate authority) answers with an invalid one, a
/// certificate for the station's own key from the installed authority whose validity has already ended, and the station
/// rejects it and reports InvalidChargePointCertificate.
/// </summary>
public sealed class TC_077_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_077_CS", "Invalid ChargePointCertificate Security Event", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.2")
    {
        Requirements = ["OCPP 1.6 security A02.FR.06", "OCPP 1.6 security A02.FR.07 InvalidChargePointCertificate", "OCPP 1.6 security A02.FR.13 CpoName"],
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
            using var expired = TestAuthority.IssueStationCertificate(authority, request, authority.NotBefore, now.AddMinutes(-10));
            var status = await ChargePointCertificates.SendAsync(t, expired).ConfigureAwait(false);
            t.Check(status == CertificateSignedStatusEnumType.Rejected, "6", $"CertificateSigned.conf status is Rejected for a certificate whose validity ended at {expired.NotAfter.ToUniversalTime():u}",
                $"status is {status}",
                "Verify the signed certificate before using it, at least its validity period, its properties and that it chains to the installed CentralSystemRootCertificate; discard an invalid one and answer Rejected (1.6 security A02.FR.06/A02.FR.07).",
                requirement: "OCPP 1.6 security A02.FR.06");
            var evented = await t.ExpectAsync(V16Calls.SecurityEventNotification, "7", e => e.Type == "InvalidChargePointCertificate",
                requirement: "OCPP 1.6 security A02.FR.07: trigger an InvalidChargePointCertificate security event").ConfigureAwait(false);
            t.Check(evented.Request.Type == "InvalidChargePointCertificate", "7", "SecurityEventNotification.req type is InvalidChargePointCertificate", $"type is {evented.Request.Type}",
                "Report a discarded Charge Point certificate with SecurityEventNotification type InvalidChargePointCertificate (1.6 security A02.FR.07, appendix 1).", evented.Call);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
            await Certificates.RemoveAsync(t, authority).ConfigureAwait(false);
        }
    }
}
