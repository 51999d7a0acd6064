using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Firmware;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 L01/L02 UpdateFirmware: InvalidCertificate when a signing certificate is given and unusable
/// , AcceptedCanceled when an update was in progress, otherwise Accepted.
/// Without a signature the update runs as L02 (no SignatureVerified).
/// </summary>
internal static class UpdateFirmwareHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.UpdateFirmwareRequest);
        var firmware = request.Firmware;
        UpdateFirmwareStatusEnumType status;
        if (firmware.SigningCertificate is not null && !FirmwareSignature.CertificateUsable(firmware.SigningCertificate, station.Now))
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

        return ValueTask.FromResult(Payloads.Reply(new UpdateFirmwareResponse { Status = status }, V201JsonContext.Default.UpdateFirmwareResponse));
    }
}
