using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>OCTT 1.6 Table 91: a new Central System root certificate is installed and then listed.</summary>
public sealed class TC_075_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_075_2_CS", "Install a certificate on the Charge Point - CentralSystemRootCertificate", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.1")
    {
        Requirements = ["OCPP 1.6 security M05 Install CA certificate", "OCPP 1.6 security M03 Retrieve certificates"],
    };

    public override string? NotApplicableTo(Declared model) => States.V16.Certificates.NeedsProfile(model, this, 2, 3);

    public override Task RunAsync(CaseContext t) => InstallCase.RunAsync(t, CertificateUseEnumType.CentralSystemRootCertificate);
}
