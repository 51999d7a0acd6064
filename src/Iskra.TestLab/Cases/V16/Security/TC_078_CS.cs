using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>OCTT 1.6 Table 94: an expired Central System root certificate is rejected and reported as a security event.</summary>
public sealed class TC_078_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_078_CS", "Invalid CentralSystemCertificate Security Event", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.2")
    {
        Requirements = ["OCPP 1.6 security M05.FR.06", "OCPP 1.6 security A04 Security event notification (InvalidCentralSystemCertificate)"],
    };

    public override string? NotApplicableTo(Declared model) => Certificates.NeedsProfile(model, this, 2, 3);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        using var expired = TestAuthority.ExpiredRoot("Iskra lab expired CentralSystemRootCertificate", t.Time.GetUtcNow());
        try
        {
            var answer = await t.SendAsync(V16Calls.InstallCertificate, new InstallCertificateRequest { CertificateType = CertificateUseEnumType.CentralSystemRootCertificate, Certificate = TestAuthority.Pem(expired) }, "1", "OCPP 1.6 security M05").ConfigureAwait(false);
            t.Check(answer.Status == InstallCertificateStatusEnumType.Rejected, "2", "InstallCertificate.conf status is Rejected for an expired certificate", $"status is {answer.Status}",
                "Validate a certificate before installing it and reject one that is expired or otherwise invalid (1.6 security M05.FR.06).", requirement: "OCPP 1.6 security M05.FR.06");
            var evented = await t.ExpectAsync(V16Calls.SecurityEventNotification, "3", e => e.Type == "InvalidCentralSystemCertificate",
                requirement: "OCPP 1.6 security appendix 1 Security events: InvalidCentralSystemCertificate").ConfigureAwait(false);
            t.Check(evented.Request.Type == "InvalidCentralSystemCertificate", "3", "SecurityEventNotification.req type is InvalidCentralSystemCertificate", $"type is {evented.Request.Type}",
                "Report a Central System certificate that is not valid with SecurityEventNotification type InvalidCentralSystemCertificate (1.6 security appendix 1).", evented.Call);
        }
        finally
        {
            await Certificates.RemoveAsync(t, expired).ConfigureAwait(false);
        }
    }
}
