using System.Collections.Frozen;
using Iskra.Simulator.Protocol;

namespace Iskra.Simulator.V16;

/// <summary>The 1.6 actions the CSMS may call and the handler of each: one line per action.</summary>
internal static class V16Routes
{
    public static readonly FrozenDictionary<string, CallHandler> Handlers = new Dictionary<string, CallHandler>(StringComparer.Ordinal)
    {
        ["RemoteStartTransaction"] = RemoteStartTransactionHandler.HandleAsync,
        ["RemoteStopTransaction"] = RemoteStopTransactionHandler.HandleAsync,
        ["Reset"] = ResetHandler.HandleAsync,
        ["UnlockConnector"] = UnlockConnectorHandler.HandleAsync,
        ["ChangeAvailability"] = ChangeAvailabilityHandler.HandleAsync,
        ["TriggerMessage"] = TriggerMessageHandler.HandleAsync,
        ["ExtendedTriggerMessage"] = ExtendedTriggerMessageHandler.HandleAsync,
        ["ClearCache"] = ClearCacheHandler.HandleAsync,
        ["DataTransfer"] = DataTransferHandler.HandleAsync,
        ["SendLocalList"] = SendLocalListHandler.HandleAsync,
        ["GetLocalListVersion"] = GetLocalListVersionHandler.HandleAsync,
        ["GetConfiguration"] = GetConfigurationHandler.HandleAsync,
        ["ChangeConfiguration"] = ChangeConfigurationHandler.HandleAsync,
        ["SetChargingProfile"] = SetChargingProfileHandler.HandleAsync,
        ["ClearChargingProfile"] = ClearChargingProfileHandler.HandleAsync,
        ["GetCompositeSchedule"] = GetCompositeScheduleHandler.HandleAsync,
        ["ReserveNow"] = ReserveNowHandler.HandleAsync,
        ["CancelReservation"] = CancelReservationHandler.HandleAsync,
        ["UpdateFirmware"] = UpdateFirmwareHandler.HandleAsync,
        ["SignedUpdateFirmware"] = SignedUpdateFirmwareHandler.HandleAsync,
        ["GetDiagnostics"] = GetDiagnosticsHandler.HandleAsync,
        ["GetLog"] = GetLogHandler.HandleAsync,
        ["InstallCertificate"] = InstallCertificateHandler.HandleAsync,
        ["DeleteCertificate"] = DeleteCertificateHandler.HandleAsync,
        ["GetInstalledCertificateIds"] = GetInstalledCertificateIdsHandler.HandleAsync,
        ["CertificateSigned"] = CertificateSignedHandler.HandleAsync,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
