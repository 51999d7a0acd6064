using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>OCTT 1.6 Table 92: an installed Central System root certificate is deleted by its hash data and no longer listed.</summary>
public sealed class TC_076_CS : LabCase
{
    private const CertificateUseEnumType Type = CertificateUseEnumType.CentralSystemRootCertificate;

    public override CaseInfo Info { get; } = new("TC_076_CS", "Delete a specific certificate from the Charge Point", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.1")
    {
        Requirements = ["OCPP 1.6 security M04 Delete a specific certificate", "OCPP 1.6 security M03 Retrieve certificates"],
    };

    public override string? NotApplicableTo(Declared model) => Certificates.NeedsProfile(model, this, 2, 3);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        using var root = TestAuthority.Root("Iskra lab CentralSystemRootCertificate", TimeSpan.FromDays(365), t.Time.GetUtcNow());
        try
        {
            // Memory state CertificateInstalled (Table 114): the configured CentralSystemRootCertificate is on the station.
            var before = await Certificates.InstalledAsync(t, Type, "memory-1").ConfigureAwait(false);
            if (Certificates.Find(before, root) is null)
            {
                await Certificates.InstallAsync(t, Type, root, "memory-3", "memory-4").ConfigureAwait(false);
            }

            var installed = await Certificates.InstalledAsync(t, Type, "1").ConfigureAwait(false);
            var listed = Certificates.Find(installed, root);
            t.Require(listed is not null, "2", "GetInstalledCertificateIds.conf lists the installed CentralSystemRootCertificate", Certificates.Describe(installed),
                "List every installed certificate of the type asked with its certificateHashData (1.6 security M03).", requirement: "OCPP 1.6 security M03");
            var hash = LabCertificateHash.Of(root, listed!.HashAlgorithm.ToString());
            var deleted = await t.SendAsync(V16Calls.DeleteCertificate, new DeleteCertificateRequest
            {
                CertificateHashData = new CertificateHashDataType { HashAlgorithm = listed.HashAlgorithm, IssuerNameHash = hash.IssuerNameHash, IssuerKeyHash = hash.IssuerKeyHash, SerialNumber = hash.SerialNumber },
            }, "3", "OCPP 1.6 security M04 DeleteCertificate").ConfigureAwait(false);
            t.Check(deleted.Status == DeleteCertificateStatusEnumType.Accepted, "4", "DeleteCertificate.conf status is Accepted", $"status is {deleted.Status}",
                "Delete the installed certificate that certificateHashData names and answer Accepted (1.6 security M04.FR.02); NotFound only when no installed certificate matches.",
                requirement: "OCPP 1.6 security M04");
            var after = await Certificates.InstalledAsync(t, Type, "5").ConfigureAwait(false);
            t.Check(Certificates.Find(after, root) is null, "6", "certificateHashData no longer includes the deleted certificate", Certificates.Describe(after),
                "Remove the certificate from the store when DeleteCertificate.req is Accepted, so it is no longer listed or used (1.6 security M04).", requirement: "OCPP 1.6 security M04");
        }
        finally
        {
            await Certificates.RemoveAsync(t, root).ConfigureAwait(false);
        }
    }
}
