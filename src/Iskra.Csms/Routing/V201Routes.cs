using System.Text.Json.Serialization.Metadata;
using Iskra.Csms.Authorization;
using Iskra.Csms.Reports;
using Iskra.Csms.Reservations;
using Iskra.Csms.Stations;
using Iskra.Csms.Transactions;
using Iskra.Ocpp;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;
using Microsoft.Extensions.DependencyInjection;
using A = Iskra.Csms.Authorization.V201;
using H = Iskra.Csms.Reservations.V201;
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
        var r = sp.GetRequiredService<ReservationService>();
        const OcppVersion V = OcppVersion.V201;
        var json = V201JsonContext.Default;
        return
        [
            Route.For(V, new A.AuthorizeHandler(a, sp.GetRequiredService<Tariffs.TariffSelector>())),
            Route.For(V, new S.BootNotificationHandler(s)),
            Route.For(V, new S.HeartbeatHandler(s)),
            Route.For(V, new S.StatusNotificationHandler(s)),
            Route.For(V, new T.TransactionEventHandler(t)),
            Route.For(V, new T.MeterValuesHandler(t)),
            Route.For(V, new R.NotifyReportHandler(n, sp.GetRequiredService<ReportChains>())),
            Route.For(V, new R.NotifyEventHandler(n)),
            // P02: kept as a notice, then answered by the vendor's handler (UnknownVendorId without one).
            Route.For(V, new DataTransfer.V201.DataTransferHandler(n, sp.GetRequiredService<DataTransfer.DataTransferHandlers>())),
            Route.For(V, new Firmware.V201.FirmwareStatusNotificationHandler(n, sp.GetRequiredService<Firmware.FirmwareUpdates>())),
            Route.Notice(V, n, json.PublishFirmwareStatusNotificationRequest, r => new(r.RequestId, WireName.Of(r.Status)), _ => new PublishFirmwareStatusNotificationResponse()),
            Route.For(V, new Diagnostics.V201.LogStatusNotificationHandler(n, sp.GetRequiredService<Diagnostics.UploadService>())),
            Route.Notice(V, n, json.SecurityEventNotificationRequest, r => new(Status: r.Type, Timestamp: r.Timestamp), _ => new SecurityEventNotificationResponse()),
            Route.For(V, new H.ReservationStatusUpdateHandler(n, r)),
            Route.Notice(V, n, json.NotifyChargingLimitRequest, r => new(Status: WireName.Of(r.ChargingLimit.ChargingLimitSource)), _ => new NotifyChargingLimitResponse()),
            Route.Notice(V, n, json.ClearedChargingLimitRequest, r => new(Status: WireName.Of(r.ChargingLimitSource)), _ => new ClearedChargingLimitResponse()),
            Route.Notice(V, n, json.ReportChargingProfilesRequest, r => new(r.RequestId, WireName.Of(r.ChargingLimitSource)), _ => new ReportChargingProfilesResponse()),
            // K15: Iskra computes no schedule for EV charging needs yet, so it says so rather than promise one.
            Route.Notice(V, n, json.NotifyEVChargingNeedsRequest, r => new(Status: WireName.Of(r.ChargingNeeds.RequestedEnergyTransfer)), _ => new NotifyEVChargingNeedsResponse { Status = NotifyEVChargingNeedsStatusEnumType.Rejected }),
            Route.Notice(V, n, json.NotifyEVChargingScheduleRequest, r => new(Timestamp: r.TimeBase), _ => new NotifyEVChargingScheduleResponse { Status = GenericStatusEnumType.Accepted }),
            Route.Notice(V, n, json.NotifyMonitoringReportRequest, r => new(r.RequestId, Timestamp: r.GeneratedAt), _ => new NotifyMonitoringReportResponse()),
            Route.Notice(V, n, json.NotifyCustomerInformationRequest, r => new(r.RequestId, Timestamp: r.GeneratedAt), _ => new NotifyCustomerInformationResponse()),
            Route.Notice(V, n, json.NotifyDisplayMessagesRequest, r => new(r.RequestId), _ => new NotifyDisplayMessagesResponse()),
            // A02/A03, M: no certificate authority or ISO 15118 back end yet: stored, and the answer the spec allows.
            Route.Notice(V, n, json.SignCertificateRequest, r => new(Status: WireName.Of(r.CertificateType)), _ => new SignCertificateResponse { Status = GenericStatusEnumType.Rejected }),
            Route.Notice(V, n, json.Get15118EVCertificateRequest, r => new(Status: WireName.Of(r.Action)), _ => new Get15118EVCertificateResponse { Status = Iso15118EVCertificateStatusEnumType.Failed, ExiResponse = "" }),
            Route.Notice(V, n, json.GetCertificateStatusRequest, _ => new(), _ => new GetCertificateStatusResponse { Status = GetCertificateStatusEnumType.Failed }),
        ];
    }
}
