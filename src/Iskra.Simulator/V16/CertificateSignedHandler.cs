using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Security;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>
/// 1.6 security CertificateSigned: the chain (leaf first) becomes the station's own certificate when every
/// PEM is readable and the leaf is valid now; otherwise Rejected. (The simulator sent no CSR to compare with.)
/// </summary>
internal static class CertificateSignedHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var chain = CertificateStore.ReadChain(Payloads.Read(call, V16JsonContext.Default.CertificateSignedRequest).CertificateChain);
        var accepted = chain.Count > 0 && CertificateChecks.ValidAt(chain[0], station.Now);
        if (accepted)
        {
            CertificateStore.Of(station).SetOwnChain("ChargingStationCertificate", chain);
        }

        return ValueTask.FromResult(Payloads.Reply(
            new CertificateSignedResponse { Status = accepted ? CertificateSignedStatusEnumType.Accepted : CertificateSignedStatusEnumType.Rejected },
            V16JsonContext.Default.CertificateSignedResponse));
    }
}
