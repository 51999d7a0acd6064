using System.Security.Cryptography.X509Certificates;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;

namespace Iskra.TestLab.States.V16;

/// <summary>The certificate parts of the OCTT 1.6 security cases (§2.24): installed ids, and memory state <i>CertificateInstalled</i> (Table 114).</summary>
public static class Certificates
{
    /// <summary>The document's prerequisite "The Charge Point supports Security profile …", against the declared profile.</summary>
    public static string? NeedsProfile(Declared model, LabCase labCase, params int[] profiles)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labCase);
        ArgumentNullException.ThrowIfNull(profiles);
        if (!model.Supports(labCase.Info.Profile))
        {
            return $"the model does not declare the {labCase.Info.Profile} feature profile";
        }

        return profiles.Contains(model.SecurityProfile) ? null
            : $"the case needs security profile {string.Join(" or ", profiles)}; the model declares security profile {model.SecurityProfile}";
    }

    /// <summary>GetInstalledCertificateIds.req for <paramref name="type"/>; the answer must be Accepted or NotFound.</summary>
    public static async Task<GetInstalledCertificateIdsResponse> InstalledAsync(CaseContext t, CertificateUseEnumType type, string step)
    {
        ArgumentNullException.ThrowIfNull(t);
        return await t.SendAsync(V16Calls.GetInstalledCertificateIds, new GetInstalledCertificateIdsRequest { CertificateType = type }, step, "OCPP 1.6 security M03 GetInstalledCertificateIds").ConfigureAwait(false);
    }

    /// <summary>The hash data of the answer that names <paramref name="certificate"/>, computed by the lab with the algorithm the station used.</summary>
    public static CertificateHashDataType? Find(GetInstalledCertificateIdsResponse answer, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return (answer.CertificateHashData ?? []).FirstOrDefault(h =>
            LabCertificateHash.Of(certificate, h.HashAlgorithm.ToString()).Matches(h.HashAlgorithm.ToString(), h.IssuerNameHash, h.IssuerKeyHash, h.SerialNumber));
    }

    public static string Describe(GetInstalledCertificateIdsResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var hashes = answer.CertificateHashData ?? [];
        return $"status {answer.Status}, {hashes.Count} certificate(s)" + (hashes.Count == 0 ? string.Empty
            : ": " + string.Join("; ", hashes.Select(h => $"{h.HashAlgorithm} {h.IssuerNameHash[..Math.Min(12, h.IssuerNameHash.Length)]}…/{h.IssuerKeyHash[..Math.Min(12, h.IssuerKeyHash.Length)]}…/{h.SerialNumber}")));
    }

    /// <summary>InstallCertificate.req of <paramref name="certificate"/> as <paramref name="type"/>; Accepted is required.</summary>
    public static async Task InstallAsync(CaseContext t, CertificateUseEnumType type, X509Certificate2 certificate, string step, string answeredStep)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.InstallCertificate, new InstallCertificateRequest { CertificateType = type, Certificate = TestAuthority.Pem(certificate) }, step, "OCPP 1.6 security M05 InstallCertificate").ConfigureAwait(false);
        t.Require(answer.Status == InstallCertificateStatusEnumType.Accepted, answeredStep, $"InstallCertificate.conf status is Accepted for a valid {type}", $"status is {answer.Status}",
            $"Install a valid root certificate sent with InstallCertificate.req and answer Accepted (1.6 security M05.FR.01/M05.FR.02); Rejected only for an invalid certificate or a full store (CertificateStoreMaxLength).",
            requirement: "OCPP 1.6 security M05.FR.02");
    }

    /// <summary>Deletes a certificate the case installed (after the case, whatever happened); a refusal here is no finding.</summary>
    public static async Task RemoveAsync(CaseContext t, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(t);
        var hash = LabCertificateHash.Of(certificate, "SHA256");
        try
        {
            await t.TrySendAsync(V16Calls.DeleteCertificate, new DeleteCertificateRequest
            {
                CertificateHashData = new CertificateHashDataType { HashAlgorithm = HashAlgorithmEnumType.SHA256, IssuerNameHash = hash.IssuerNameHash, IssuerKeyHash = hash.IssuerKeyHash, SerialNumber = hash.SerialNumber },
            }, "cleanup").ConfigureAwait(false);
        }
        catch (CaseStoppedException)
        {
            // the case's own verdict stands
        }
    }
}
