using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>The steps TC_075_1_CS and TC_075_2_CS share: install a root of the lab's authority, then find it among the installed ids.</summary>
internal static class InstallCase
{
    public static async Task RunAsync(CaseContext t, CertificateUseEnumType type)
    {
        ArgumentNullException.ThrowIfNull(t);
        using var root = TestAuthority.Root($"Iskra lab {type}", TimeSpan.FromDays(365), t.Time.GetUtcNow());
        try
        {
            await Certificates.InstallAsync(t, type, root, "1", "2").ConfigureAwait(false);
            var installed = await Certificates.InstalledAsync(t, type, "3").ConfigureAwait(false);
            t.Check(installed.Status == GetInstalledCertificateStatusEnumType.Accepted, "4", "GetInstalledCertificateIds.conf status is Accepted", $"status is {installed.Status}",
                $"Answer Accepted with the hash data of the installed {type} certificates (1.6 security M03).", requirement: "OCPP 1.6 security M03");
            var expected = LabCertificateHash.Of(root, "SHA256");
            t.Check(Certificates.Find(installed, root) is not null, "4",
                $"certificateHashData includes the certificate installed at step 1 (the lab's calculation: {expected})",
                Certificates.Describe(installed),
                "List every installed certificate of the type asked, with certificateHashData computed over the issuer's name (DER), the issuer's public key and the serial number (1.6 security CertificateHashDataType, M03).",
                requirement: "OCPP 1.6 security M03, CertificateHashDataType");
        }
        finally
        {
            await Certificates.RemoveAsync(t, root).ConfigureAwait(false);
        }
    }
}
