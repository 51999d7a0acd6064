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
        const OcppVersion V = OcppVersion.V16;
        var json = V16JsonContext.Default;
        return
        [
            Route.For(V, new A.AuthorizeHandler(a)),
            Route.For(V, new S.BootNotificationHandler(s)),
            Route.For(V, new S.HeartbeatHandler(s)),
            Route.For(V, new S.StatusNotificationHandler(s)),
            Route.For(V, new T.StartTransactionHandler(t)),
            Route.For(V, new T.StopTransactionHandler(t)),
            Route.For(V, new T.MeterValuesHandler(t)),
            // 1.6 §4.3: kept as a notice, then answered by the vendor's handler (UnknownVendorId without one).
            Route.For(V, new DataTransfer.V16.DataTransferHandler(n, sp.GetRequiredService<DataTransfer.DataTransferHandlers>())),
            Route.For(V, new Diagnostics.V16.DiagnosticsStatusNotificationHandler(n, sp.GetRequiredService<Diagnostics.UploadService>())),
            Route.For(V, new Firmware.V16.FirmwareStatusNotificationHandler(n, sp.GetRequiredService<Firmware.FirmwareUpdates>())),
            Route.Notice(V, n, json.LogStatusNotificationRequest, r => new(r.RequestId, WireName.Of(r.Status)), _ => new LogStatusNotificationResponse()),
            Route.Notice(V, n, json.SignedFirmwareStatusNotificationRequest, r => new(r.RequestId, WireName.Of(r.Status)), _ => new SignedFirmwareStatusNotificationResponse()),
            Route.Notice(V, n, json.SecurityEventNotificationRequest, r => new(Status: r.Type, Timestamp: r.Timestamp), _ => new SecurityEventNotificationResponse()),
            // Security whitepaper A02: Iskra has no certificate authority yet, so the CSR is stored and Rejected.
            Route.Notice(V, n, json.SignCertificateRequest, _ => new(), _ => new SignCertificateResponse { Status = GenericStatusEnumType.Rejected }),
        ];
    }
}
