using System.Text.Json.Serialization.Metadata;
using Iskra.Csms.Authorization;
using Iskra.Csms.Reports;
using Iskra.Csms.Stations;
using Iskra.Csms.Transactions;
using Iskra.Ocpp;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;
using Microsoft.Extensions.DependencyInjection;
using A = Iskra.Csms.Authorization.V201;
using R = Iskra.Csms.Reports.V201;
using S = Iskra.Csms.Stations.V201;
using T = Iskra.Csms.Transactions.V201;

namespace Iskra.Csms.Routing;

/// <summary>
/// Every OCPP 2.0.1 action a station may call, one line each. Actions of the catalog that are not here
/// are answered NotSupported (the CSMS calls them, the station does not).
/// </summary>
public static class V201Routes
{
    public static IEnumerable<Route> Create(IServiceProvider sp)
    {
        var n = sp.GetRequiredService<NoticeService>();
        var a = sp.GetRequiredService<AuthorizationService>();
        var s = sp.GetRequiredService<StationService>();
        var t = sp.GetRequiredService<TransactionService>();
        var json = V201JsonContext.Default;
        return
        [
            To(new A.AuthorizeHandler(a)),
            To(new S.BootNotificationHandler(s)),
            To(new S.HeartbeatHandler(s)),
            To(new S.StatusNotificationHandler(s)),
            To(new T.TransactionEventHandler(t)),
            To(new T.MeterValuesHandler(t)),
            To(new R.NotifyReportHandler(n)),
            To(new R.NotifyEventHandler(n)),
            // P01: without a vendor-specific implementation the answer is UnknownVendorId.
            Notice(n, json.DataTransferRequest, r => new(Status: r.VendorId), _ => new DataTransferResponse { Status = DataTransferStatusEnumType.UnknownVendorId }),
            Notice(n, json.FirmwareStatusNotificationRequest, r => new(r.RequestId, WireName.Of(r.Status)), _ => new FirmwareStatusNotificationResponse()),
            Notice(n, json.PublishFirmwareStatusNotificationRequest, r => new(r.RequestId, WireName.Of(r.Status)), _ => new PublishFirmwareStatusNotificationResponse()),
            Notice(n, json.LogStatusNotificationRequest, r => new(r.RequestId, WireName.Of(r.Status)), _ => new LogStatusNotificationResponse()),
            Notice(n, json.SecurityEventNotificationRequest, r => new(Status: r.Type, Timestamp: r.Timestamp), _ => new SecurityEventNotificationResponse()),
            Notice(n, json.ReservationStatusUpdateRequest, r => new(r.ReservationId, WireName.Of(r.ReservationUpdateStatus)), _ => new ReservationStatusUpdateResponse()),
            Notice(n, json.NotifyChargingLimitRequest, r => new(Status: WireName.Of(r.ChargingLimit.ChargingLimitSource)), _ => new NotifyChargingLimitResponse()),
            Notice(n, json.ClearedChargingLimitRequest, r => new(Status: WireName.Of(r.ChargingLimitSource)), _ => new ClearedChargingLimitResponse()),
            Notice(n, json.ReportChargingProfilesRequest, r => new(r.RequestId, WireName.Of(r.ChargingLimitSource)), _ => new ReportChargingProfilesResponse()),
            // K15: Iskra computes no schedule for EV charging needs yet, so it says so rather than promise one.
            Notice(n, json.NotifyEVChargingNeedsRequest, r => new(Status: WireName.Of(r.ChargingNeeds.RequestedEnergyTransfer)), _ => new NotifyEVChargingNeedsResponse { Status = NotifyEVChargingNeedsStatusEnumType.Rejected }),
            Notice(n, json.NotifyEVChargingScheduleRequest, r => new(Timestamp: r.TimeBase), _ => new NotifyEVChargingScheduleResponse { Status = GenericStatusEnumType.Accepted }),
            Notice(n, json.NotifyMonitoringReportRequest, r => new(r.RequestId, Timestamp: r.GeneratedAt), _ => new NotifyMonitoringReportResponse()),
            Notice(n, json.NotifyCustomerInformationRequest, r => new(r.RequestId, Timestamp: r.GeneratedAt), _ => new NotifyCustomerInformationResponse()),
            Notice(n, json.NotifyDisplayMessagesRequest, r => new(r.RequestId), _ => new NotifyDisplayMessagesResponse()),
            // A02/A03, M: no certificate authority or ISO 15118 back end yet: stored, and the answer the spec allows.
            Notice(n, json.SignCertificateRequest, r => new(Status: WireName.Of(r.CertificateType)), _ => new SignCertificateResponse { Status = GenericStatusEnumType.Rejected }),
            Notice(n, json.Get15118EVCertificateRequest, r => new(Status: WireName.Of(r.Action)), _ => new Get15118EVCertificateResponse { Status = Iso15118EVCertificateStatusEnumType.Failed, ExiResponse = "" }),
            Notice(n, json.GetCertificateStatusRequest, _ => new(), _ => new GetCertificateStatusResponse { Status = GetCertificateStatusEnumType.Failed }),
        ];
    }

    private static Route To<TRequest, TResponse>(IOcppHandler<TRequest, TResponse> handler) =>
        Route.To(OcppCatalogs.Get(OcppVersion.V201, V16Routes.ActionName(handler.GetType().Name)), handler);

    private static Route Notice<TRequest, TResponse>(
        NoticeService notices, JsonTypeInfo<TRequest> requestType, Func<TRequest, NoticeFacts> describe, Func<TRequest, TResponse> respond)
    {
        var action = OcppCatalogs.Get(OcppVersion.V201, V16Routes.ActionName(typeof(TRequest).Name));
        return Route.To(action, new NoticeHandler<TRequest, TResponse>(notices, action.Name, requestType, describe, respond));
    }
}
