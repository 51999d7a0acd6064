using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Security;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 M04 DeleteCertificate: Accepted when the hash data names an installed certificate, NotFound otherwise;
/// the station's own certificate is not deleted (Failed).
/// </summary>
internal static class DeleteCertificateHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var hash = Payloads.Read(call, V201JsonContext.Default.DeleteCertificateRequest).CertificateHashData;
        var store = CertificateStore.Of(station);
        var own = store.List(["ChargingStationCertificate"]).Any(c => c.Hash.Matches(hash.HashAlgorithm.ToString(), hash.IssuerNameHash, hash.IssuerKeyHash, hash.SerialNumber));
        var status = own ? DeleteCertificateStatusEnumType.Failed
            : store.Delete(hash.HashAlgorithm.ToString(), hash.IssuerNameHash, hash.IssuerKeyHash, hash.SerialNumber) is not null ? DeleteCertificateStatusEnumType.Accepted
            : DeleteCertificateStatusEnumType.NotFound;
        return ValueTask.FromResult(Payloads.Reply(new DeleteCertificateResponse { Status = status }, V201JsonContext.Default.DeleteCertificateResponse));
    }
}
