using Iskra.Csms.Authorization;
using Iskra.Csms.Reports;
using Iskra.Csms.Stations;
using Iskra.Csms.Transactions;
using Iskra.Ocpp;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V16.Messages;
using Microsoft.Extensions.DependencyInjection;
using A = Iskra.Csms.Authorization.V16;
using S = Iskra.Csms.Stations.V16;
using T = Iskra.Csms.Transactions.V16;

namespace Iskra.Csms.Routing;

/// <summary>
/// Every OCPP 1.6 action a station may call, one line each. Actions of the catalog that are not here
/// are answered NotSupported (the CSMS calls them, the station does not).
/// </summary>
public static class V16Routes
{
    public static IEnumerable<Route> Create(IServiceProvider sp)
    {
        var n = sp.GetRequiredService<NoticeService>();
        var a = sp.GetRequiredService<AuthorizationService>();
        var s = sp.GetRequiredService<StationService>();
        var t = sp.GetRequiredService<TransactionService>();
        var json = V16JsonContext.Default;
        return
        [
            To(new A.AuthorizeHandler(a)),
            To(new S.BootNotificationHandler(s)),
            To(new S.HeartbeatHandler(s)),
            To(new S.StatusNotificationHandler(s)),
            To(new T.StartTransactionHandler(t)),
            To(new T.StopTransactionHandler(t)),
            To(new T.MeterValuesHandler(t)),
            // 1.6 §4.3: without a vendor-specific implementation the answer is UnknownVendorId.
            Notice(n, json.DataTransferRequest, r => new(Status: r.VendorId), _ => new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId }),
            Notice(n, json.DiagnosticsStatusNotificationRequest, r => new(Status: WireName.Of(r.Status)), _ => new DiagnosticsStatusNotificationResponse()),
            Notice(n, json.FirmwareStatusNotificationRequest, r => new(Status: WireName.Of(r.Status)), _ => new FirmwareStatusNotificationResponse()),
            Notice(n, json.LogStatusNotificationRequest, r => new(r.RequestId, WireName.Of(r.Status)), _ => new LogStatusNotificationResponse()),
            Notice(n, json.SignedFirmwareStatusNotificationRequest, r => new(r.RequestId, WireName.Of(r.Status)), _ => new SignedFirmwareStatusNotificationResponse()),
            Notice(n, json.SecurityEventNotificationRequest, r => new(Status: r.Type, Timestamp: r.Timestamp), _ => new SecurityEventNotificationResponse()),
            // Security whitepaper A02: Iskra has no certificate authority yet, so the CSR is stored and Rejected.
            Notice(n, json.SignCertificateRequest, _ => new(), _ => new SignCertificateResponse { Status = GenericStatusEnumType.Rejected }),
        ];
    }

    private static Route To<TRequest, TResponse>(IOcppHandler<TRequest, TResponse> handler) =>
        Route.To(OcppCatalogs.Get(OcppVersion.V16, ActionName(handler.GetType().Name)), handler);

    private static Route Notice<TRequest, TResponse>(
        NoticeService notices, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TRequest> requestType,
        Func<TRequest, NoticeFacts> describe, Func<TRequest, TResponse> respond)
    {
        var action = OcppCatalogs.Get(OcppVersion.V16, ActionName(typeof(TRequest).Name));
        return Route.To(action, new NoticeHandler<TRequest, TResponse>(notices, action.Name, requestType, describe, respond));
    }

    internal static string ActionName(string typeName) =>
        typeName.EndsWith("Handler", StringComparison.Ordinal) ? typeName[..^"Handler".Length]
        : typeName.EndsWith("Request", StringComparison.Ordinal) ? typeName[..^"Request".Length]
        : typeName;
}
