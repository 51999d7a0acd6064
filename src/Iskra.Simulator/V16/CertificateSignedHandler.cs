using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Security;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>
/// 1.6 security CertificateSigned: the chain (leaf first) becomes the station's own certificate when the leaf is valid
/// now, is for the key pair of the station's last SignCertificate request and chains to an installed
/// CentralSystemRootCertificate (A02.FR.06); otherwise it is discarded, Rejected, and reported as the security event
/// InvalidChargePointCertificate (A02.FR.07). A station on security profile 3 then reconnects with it.
/// </summary>
internal static class CertificateSignedHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var chain = CertificateStore.ReadChain(Payloads.Read(call, V16JsonContext.Default.CertificateSignedRequest).CertificateChain);
        var store = CertificateStore.Of(station);
        var roots = store.List([nameof(CertificateUseEnumType.CentralSystemRootCertificate)]).Select(c => c.Certificate).ToList();
        var leaf = ChargePointKeys.Of(station).Accept(chain, roots, station.Now);
        if (leaf is not null)
        {
            store.SetOwnChain("ChargingStationCertificate", [leaf, .. chain.Skip(1)]);
            station.Log.Note($"New Charge Point certificate {leaf.Subject} installed (valid until {leaf.NotAfter.ToUniversalTime():u}).");
            if (station.Options.ClientCertificate is not null)
            {
                // Security profile 3: switch to the new certificate (A02.FR.08), reconnecting once the answer is out.
                station.Later(station.Options.ActionDelay, () =>
                {
                    station.Log.Note("Reconnecting with the new Charge Point certificate.");
                    station.Link.Drop();
                    return Task.CompletedTask;
                });
            }
        }
        else
        {
            station.Log.Note("The signed certificate is not valid for this station; discarded.");
            station.Later(station.Options.ActionDelay, () => Firmware.FirmwareEvents.SendAsync(station, "InvalidChargePointCertificate", CancellationToken.None));
        }

        return ValueTask.FromResult(Payloads.Reply(
            new CertificateSignedResponse { Status = leaf is not null ? CertificateSignedStatusEnumType.Accepted : CertificateSignedStatusEnumType.Rejected },
            V16JsonContext.Default.CertificateSignedResponse));
    }
}
