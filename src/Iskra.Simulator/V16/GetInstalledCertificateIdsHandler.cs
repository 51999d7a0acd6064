using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Security;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 security GetInstalledCertificateIds: the hash data of the roots of that type, or NotFound when there are none.</summary>
internal static class GetInstalledCertificateIdsHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.GetInstalledCertificateIdsRequest);
        var installed = CertificateStore.Of(station).List([request.CertificateType.ToString()]);
        var response = installed.Count == 0
            ? new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatusEnumType.NotFound }
            : new GetInstalledCertificateIdsResponse
            {
                Status = GetInstalledCertificateStatusEnumType.Accepted,
                CertificateHashData = [.. installed.Select(c => new CertificateHashDataType
                {
                    HashAlgorithm = HashAlgorithmEnumType.SHA256,
                    IssuerNameHash = c.Hash.IssuerNameHash,
                    IssuerKeyHash = c.Hash.IssuerKeyHash,
                    SerialNumber = c.Hash.SerialNumber,
                })],
            };
        return ValueTask.FromResult(Payloads.Reply(response, V16JsonContext.Default.GetInstalledCertificateIdsResponse));
    }
}
