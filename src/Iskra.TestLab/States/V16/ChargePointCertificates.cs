using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// The certificate signing steps of OCTT 1.6 TC_074/TC_077 and memory state <i>RenewChargePointCertificate</i> (Table 115),
/// 1.6 security A02: the Central System triggers SignChargePointCertificate, the station sends a CSR, and the lab, acting as
/// the certificate authority, answers with CertificateSigned. The lab's authority is installed on the station as
/// CentralSystemRootCertificate for the case, so that a certificate it issues is part of the hierarchy the station checks (A02.FR.06).
/// </summary>
public static class ChargePointCertificates
{
    /// <summary>The "configured Vendor Name" of the documents' configuration state CpoName.</summary>
    public const string CpoName = "Iskra test lab";

    private const string OrganizationName = "2.5.4.10";

    /// <summary>The lab's authority for the case: a new root, installed as CentralSystemRootCertificate (Accepted is required).</summary>
    public static async Task<X509Certificate2> AuthorityAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var root = TestAuthority.Root("Iskra lab Charge Point Operator CA", TimeSpan.FromDays(365), t.Time.GetUtcNow());
        try
        {
            await Certificates.InstallAsync(t, CertificateUseEnumType.CentralSystemRootCertificate, root, "prepare-1", "prepare-2").ConfigureAwait(false);
            return root;
        }
        catch
        {
            root.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Steps 1-4: ExtendedTriggerMessage.req SignChargePointCertificate (connectorId omitted) must be Accepted, then the station's
    /// SignCertificate.req (answered Accepted) must hold a valid PKCS#10 CSR with CpoName as its organizationName. Returns the request.
    /// </summary>
    public static async Task<(CertificateRequest Request, ReceivedCall Call)> RequestAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var trigger = await t.SendAsync(V16Calls.ExtendedTriggerMessage, new ExtendedTriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.SignChargePointCertificate },
            "1", "OCPP 1.6 security A02 ExtendedTriggerMessage").ConfigureAwait(false);
        t.Require(trigger.Status == TriggerMessageStatusEnumType.Accepted, "2", "ExtendedTriggerMessage.conf status is Accepted for SignChargePointCertificate", $"status is {trigger.Status}",
            "Accept ExtendedTriggerMessage.req requestedMessage SignChargePointCertificate, then generate a new key pair and send a SignCertificate.req with its CSR (1.6 security A02.FR.02/A02.FR.03).",
            requirement: "OCPP 1.6 security A02.FR.02");
        t.Answers.Script(V16Calls.SignCertificate, _ => new SignCertificateResponse { Status = GenericStatusEnumType.Accepted });
        var sign = await t.ExpectAsync(V16Calls.SignCertificate, "3", within: t.Settings.StationTimeout * 2, requirement: "OCPP 1.6 security A02.FR.03").ConfigureAwait(false);
        CertificateRequest request;
        try
        {
            request = TestAuthority.ReadSigningRequest(sign.Request.Csr);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            t.Require(false, "3", "SignCertificate.req csr is a PEM encoded PKCS#10 certificate signing request (RFC 2986) signed with its key", $"the csr cannot be read as one: {e.Message}",
                "Send the new public key as a PEM encoded Certificate Signing Request (RFC 2986), signed with the new private key, in SignCertificate.req csr (1.6 security A02.FR.03).",
                sign.Call, "OCPP 1.6 security A02.FR.03");
            throw;
        }

        var organization = TestAuthority.NamePart(request.SubjectName, OrganizationName);
        t.Check(organization == CpoName, "3", $"The CSR's subject has organizationName (O) {CpoName}, the value of CpoName",
            organization is null ? $"the subject {request.SubjectName.Name} has no organizationName" : $"organizationName is {organization}",
            "Put the value of the CpoName configuration key in the organizationName (O) RDN of the CSR subject (1.6 security A02.FR.13).", sign.Call, "OCPP 1.6 security A02.FR.13");
        return (request, sign.Call);
    }

    /// <summary>Step 5: CertificateSigned.req of <paramref name="certificate"/>; the answer's status.</summary>
    public static async Task<CertificateSignedStatusEnumType> SendAsync(CaseContext t, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.CertificateSigned, new CertificateSignedRequest { CertificateChain = TestAuthority.Pem(certificate) }, "5", "OCPP 1.6 security A02 CertificateSigned").ConfigureAwait(false);
        return answer.Status;
    }
}
