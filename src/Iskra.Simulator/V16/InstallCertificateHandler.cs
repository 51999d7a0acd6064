using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Security;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>
/// 1.6 security InstallCertificate: Accepted and stored, or Rejected when the PEM is unreadable or not valid now (M05.FR.06);
/// a rejected CentralSystemRootCertificate is also reported as the security event InvalidCentralSystemCertificate.
/// </summary>
internal static class InstallCertificateHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.InstallCertificateRequest);
        var status = InstallCertificateStatusEnumType.Rejected;
        if (CertificateChecks.Acceptable(request.Certificate, station.Now) is { } certificate)
        {
            CertificateStore.Of(station).Install(request.CertificateType.ToString(), certificate);
            status = InstallCertificateStatusEnumType.Accepted;
        }
        else if (request.CertificateType == CertificateUseEnumType.CentralSystemRootCertificate)
        {
            // 1.6 security appendix 1: a Central System certificate that is not valid is the event InvalidCentralSystemCertificate.
            station.Later(station.Options.ActionDelay, () => Firmware.FirmwareEvents.SendAsync(station, "InvalidCentralSystemCertificate", CancellationToken.None));
        }

        return ValueTask.FromResult(Payloads.Reply(new InstallCertificateResponse { Status = status }, V16JsonContext.Default.InstallCertificateResponse));
    }
}
