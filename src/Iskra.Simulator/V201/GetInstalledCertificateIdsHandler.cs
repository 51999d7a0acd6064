using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Security;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 M03 GetInstalledCertificateIds: the certificateHashDataChain of the requested types (all types
/// when none are given), a V2G chain with its sub-CAs as children; NotFound when there are none.
/// </summary>
internal static class GetInstalledCertificateIdsHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetInstalledCertificateIdsRequest);
        var uses = request.CertificateType?.Select(t => t.ToString()).ToList();
        var installed = CertificateStore.Of(station).List(uses)
            .Select(c => (Certificate: c, Known: Enum.TryParse<GetCertificateIdUseEnumType>(c.Use, out var type), Type: type))
            .Where(c => c.Known)
            .ToList();
        var response = installed.Count == 0
            ? new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatusEnumType.NotFound }
            : new GetInstalledCertificateIdsResponse
            {
                Status = GetInstalledCertificateStatusEnumType.Accepted,
                CertificateHashDataChain = [.. installed.Select(c => new CertificateHashDataChainType
                {
                    CertificateType = c.Type,
                    CertificateHashData = HashData(c.Certificate.Hash),
                    ChildCertificateHashData = c.Certificate.Children is { Count: > 0 } children ? [.. children.Select(HashData)] : null,
                })],
            };
        return ValueTask.FromResult(Payloads.Reply(response, V201JsonContext.Default.GetInstalledCertificateIdsResponse));
    }

    private static CertificateHashDataType HashData(CertificateHash hash) => new()
    {
        HashAlgorithm = HashAlgorithmEnumType.SHA256,
        IssuerNameHash = hash.IssuerNameHash,
        IssuerKeyHash = hash.IssuerKeyHash,
        SerialNumber = hash.SerialNumber,
    };
}
