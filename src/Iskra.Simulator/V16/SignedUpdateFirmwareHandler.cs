using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Firmware;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>
/// 1.6 security extension SignedUpdateFirmware: InvalidCertificate when the signing certificate is unreadable,
/// outside its validity or does not chain to an installed ManufacturerRootCertificate (L01.FR.12/L01.FR.23/L01.FR.24),
/// AcceptedCanceled when an update was in progress, otherwise Accepted.
/// </summary>
internal static class SignedUpdateFirmwareHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.SignedUpdateFirmwareRequest);
        var firmware = request.Firmware;
        UpdateFirmwareStatusEnumType status;
        var roots = Security.CertificateStore.Of(station).List([nameof(CertificateUseEnumType.ManufacturerRootCertificate)]).Select(c => c.Certificate).ToList();
        if (!FirmwareSignature.CertificateUsable(firmware.SigningCertificate, station.Now) || !FirmwareSignature.ChainsTo(firmware.SigningCertificate, roots, station.Now))
        {
            FirmwareEvents.InvalidSigningCertificate(station);
            status = UpdateFirmwareStatusEnumType.InvalidCertificate;
        }
        else
        {
            var job = new FirmwareJob(firmware.Location, firmware.RetrieveDateTime, request.Retries, request.RetryInterval,
                request.RequestId, firmware.SigningCertificate, firmware.Signature, firmware.InstallDateTime);
            status = FirmwareProcess.Of(station).Begin(job) ? UpdateFirmwareStatusEnumType.AcceptedCanceled : UpdateFirmwareStatusEnumType.Accepted;
        }

        return ValueTask.FromResult(Payloads.Reply(new SignedUpdateFirmwareResponse { Status = status }, V16JsonContext.Default.SignedUpdateFirmwareResponse));
    }
}
