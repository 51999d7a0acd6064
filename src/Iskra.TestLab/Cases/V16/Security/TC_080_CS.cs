using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Files;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>
/// OCTT 1.6 Table 96: a signed firmware image from Iskra is downloaded, its signature verified, installed and booted
/// into. The lab installs its own manufacturer root first and signs the image with a certificate issued by it (the
/// document's "Signature" test data), and removes the root afterwards.
/// </summary>
public sealed class TC_080_CS : LabCase
{
    private static readonly Dictionary<FirmwareStatusEnumType, string> Steps = new()
    {
        [FirmwareStatusEnumType.Downloading] = "3",
        [FirmwareStatusEnumType.Downloaded] = "5",
        [FirmwareStatusEnumType.SignatureVerified] = "7",
        [FirmwareStatusEnumType.Installing] = "9",
        [FirmwareStatusEnumType.Installed] = "17",
    };

    public override CaseInfo Info { get; } = new("TC_080_CS", "Secure Firmware Update", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.3")
    {
        Requirements = ["OCPP 1.6 security L01 Secure Firmware Update", "OCPP 1.6 security L01.FR.04 signature", "OCPP 1.6 security L01.FR.21 requestId", "OCPP 1.6 §4.9 StatusNotification"],
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
            const string version = "lab-1.6.80-signed";
            var location = await files.FirmwareAsync(baseUrl, "lab-signed-firmware-1.6.80.bin", version, t.Cancellation).ConfigureAwait(false);
            await firmware.SendAsync(t, location, TestAuthority.SignFirmware(firmware.Signer, LabFiles.FirmwareImage(version))).ConfigureAwait(false);

            await firmware.StatusAsync(t, FirmwareStatusEnumType.Downloading, "3", "Report Downloading when the firmware download starts (1.6 security L01.FR.01, FirmwareStatusEnumType).").ConfigureAwait(false);
            await firmware.StatusAsync(t, FirmwareStatusEnumType.Downloaded, "5", "Report Downloaded once the image is downloaded from firmware.location (1.6 security L01.FR.01).").ConfigureAwait(false);
            await firmware.StatusAsync(t, FirmwareStatusEnumType.SignatureVerified, "7",
                "Verify the signature over the whole image with the signing certificate's key (RSA-PSS or ECSchnorr over SHA-256, 1.6 security L01.FR.04/L01.FR.12) and report SignatureVerified for a valid one.").ConfigureAwait(false);
            await firmware.StatusAsync(t, FirmwareStatusEnumType.Installing, "9", "Report Installing when the installation starts (1.6 security L01.FR.01).").ConfigureAwait(false);

            // Steps 11, 13, 15 and 17 may come in another order: the boot, the optional FirmwareUpdated event, each connector Available, and Installed.
            await t.ExpectAsync(V16Calls.BootNotification, "11", within: FileTransfers.Transfer(t), requirement: "OCPP 1.6 security L01, OCPP 1.6 §4.2 BootNotification").ConfigureAwait(false);
            for (var connector = 0; connector <= t.Model.Connectors; connector++)
            {
                var c = connector;
                var status = await t.ExpectAsync(V16Calls.StatusNotification, "15", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0 after boot").ConfigureAwait(false);
                t.Check(status.Request.Status == ChargePointStatus.Available, "15", $"StatusNotification.req of connector {c} has status Available after the update", $"status is {status.Request.Status}",
                    "After the reboot into the new firmware, report each idle connector (and connector 0) Available (OCPP 1.6 §4.9).", status.Call, "OCPP 1.6 §4.9");
            }

            await firmware.StatusAsync(t, FirmwareStatusEnumType.Installed, "17", "Report Installed once the new firmware runs (1.6 security L01.FR.01).",
                s => s.Status is not (FirmwareStatusEnumType.InstallRebooting or FirmwareStatusEnumType.InstallScheduled)).ConfigureAwait(false);
            firmware.CheckRequestIds(t, Steps);
        }
        finally
        {
            await firmware.RemoveAsync(t).ConfigureAwait(false);
        }
    }
}
