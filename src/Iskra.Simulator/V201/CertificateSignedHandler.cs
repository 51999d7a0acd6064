using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Security;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 A02/A03 CertificateSigned: the chain (leaf first) becomes the station's ChargingStationCertificate
/// (default) or its V2G chain (listed as V2GCertificateChain) when every PEM is readable and the leaf is valid
/// now; otherwise Rejected.
/// </summary>
internal static class CertificateSignedHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.CertificateSignedRequest);
        var chain = CertificateStore.ReadChain(request.CertificateChain);
        var accepted = chain.Count > 0 && CertificateChecks.ValidAt(chain[0], station.Now);
        if (accepted)
        {
            var use = request.CertificateType == CertificateSigningUseEnumType.V2GCertificate ? "V2GCertificateChain" : "ChargingStationCertificate";
            CertificateStore.Of(station).SetOwnChain(use, chain);
        }

        return ValueTask.FromResult(Payloads.Reply(
            new CertificateSignedResponse { Status = accepted ? CertificateSignedStatusEnumType.Accepted : CertificateSignedStatusEnumType.Rejected },
            V201JsonContext.Default.CertificateSignedResponse));
    }
}
