using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Customers;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 N09/N10 CustomerInformation: Invalid when it names no customer (no idToken, customerIdentifier or
/// customerCertificate), otherwise Accepted, then one NotifyCustomerInformation (seqNo 0, tbc false) with
/// what the station holds, or, when only clearing, what it cleared. Clearing forgets the id token's entries.
/// </summary>
internal static class CustomerInformationHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.CustomerInformationRequest);
        if (request.IdToken is null && request.CustomerIdentifier is null && request.CustomerCertificate is null)
        {
            return Payloads.Reply(new CustomerInformationResponse { Status = CustomerInformationStatusEnumType.Invalid }, V201JsonContext.Default.CustomerInformationResponse);
        }

        var data = await CustomerRecords.CollectAsync(station, request.IdToken?.IdToken, request.CustomerIdentifier, request.Report, request.Clear).ConfigureAwait(false);
        var generatedAt = station.Now;
        var notify = new NotifyCustomerInformationRequest { Data = data, SeqNo = 0, GeneratedAt = generatedAt, RequestId = request.RequestId, Tbc = false };
        station.Later(station.Options.ActionDelay, () => Deliveries.SendAsync(station, "NotifyCustomerInformation",
            () => Payloads.ToObject(notify, V201JsonContext.Default.NotifyCustomerInformationRequest)));
        return Payloads.Reply(new CustomerInformationResponse { Status = CustomerInformationStatusEnumType.Accepted }, V201JsonContext.Default.CustomerInformationResponse);
    }
}
