using System.Text;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>
/// OCTT 1.6 Table 97: a firmware image whose signature was not calculated over it is downloaded and refused with
/// InvalidSignature. The signing certificate is valid (issued by the lab's manufacturer root, installed for the case),
/// so only the signature is wrong.
/// </summary>
public sealed class TC_081_CS : LabCase
{
    private static readonly Dictionary<FirmwareStatusEnumType, string> Steps = new()
    {
        [FirmwareStatusEnumType.Downloading] = "3",
        [FirmwareStatusEnumType.Downloaded] = "5",
        [FirmwareStatusEnumType.InvalidSignature] = "7",
    };

    public override CaseInfo Info { get; } = new("TC_081_CS", "Secure Firmware Update - Invalid Signature", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.3")
    {
        Requirements = ["OCPP 1.6 security L01 Secure Firmware Update", "OCPP 1.6 security L01.FR.03 InvalidFirmwareSignature", "OCPP 1.6 security L01.FR.04 signature", "OCPP 1.6 security L01.FR.21 requestId"],
    };

    public override string? NotApplicableTo(Declared model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return !model.Supports("FirmwareManagement") ? "the model does not declare the FirmwareManagement feature profile" : Certificates.NeedsProfile(model, this, 1, 2, 3);
    }

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (files, baseUrl) = FileTransfers.Locations(t);
        using var firmware = await SignedFirmware.PrepareAsync(t).ConfigureAwait(false);
        try
        {
            var location = await files.FirmwareAsync(baseUrl, "lab-signed-firmware-1.6.81.bin", "lab-1.6.81-signed", t.Cancellation).ConfigureAwait(false);
            var invalid = TestAuthority.SignFirmware(firmware.Signer, Encoding.UTF8.GetBytes("not the firmware image at firmware.location"));
            await firmware.SendAsync(t, location, invalid).ConfigureAwait(false);

            await firmware.StatusAsync(t, FirmwareStatusEnumType.Downloading, "3", "Report Downloading when the firmware download starts (1.6 security L01.FR.01, FirmwareStatusEnumType).").ConfigureAwait(false);
            await firmware.StatusAsync(t, FirmwareStatusEnumType.Downloaded, "5", "Report Downloaded once the image is downloaded from firmware.location (1.6 security L01.FR.01).").ConfigureAwait(false);
            await firmware.StatusAsync(t, FirmwareStatusEnumType.InvalidSignature, "7",
                "Verify the signature over the whole downloaded image with the signing certificate's key (1.6 security L01.FR.04/L01.FR.12); when it does not verify, report InvalidSignature and do not install the image.").ConfigureAwait(false);
            var evented = await t.MaybeAsync(V16Calls.SecurityEventNotification, e => e.Type == "InvalidFirmwareSignature").ConfigureAwait(false);
            t.Check(evented is not null, "7", "SecurityEventNotification.req type InvalidFirmwareSignature after the InvalidSignature status",
                $"no SecurityEventNotification.req of type InvalidFirmwareSignature within {t.Settings.StationTimeout.TotalSeconds:0} s",
                "On entering the Invalid Signature state, send SecurityEventNotification.req with type InvalidFirmwareSignature (1.6 security L01.FR.03, appendix 1 Security events).",
                requirement: "OCPP 1.6 security L01.FR.03");
            firmware.CheckRequestIds(t, Steps);
        }
        finally
        {
            await firmware.RemoveAsync(t).ConfigureAwait(false);
        }
    }
}
