using System.Collections.Frozen;
using Iskra.Simulator.Protocol;

namespace Iskra.Simulator.V201;

/// <summary>The 2.0.1 actions the CSMS may call and the handler of each: one line per action.</summary>
internal static class V201Routes
{
    public static readonly FrozenDictionary<string, CallHandler> Handlers = new Dictionary<string, CallHandler>(StringComparer.Ordinal)
    {
        ["RequestStartTransaction"] = RequestStartTransactionHandler.HandleAsync,
        ["RequestStopTransaction"] = RequestStopTransactionHandler.HandleAsync,
        ["Reset"] = ResetHandler.HandleAsync,
        ["UnlockConnector"] = UnlockConnectorHandler.HandleAsync,
        ["ChangeAvailability"] = ChangeAvailabilityHandler.HandleAsync,
        ["TriggerMessage"] = TriggerMessageHandler.HandleAsync,
        ["ClearCache"] = ClearCacheHandler.HandleAsync,
        ["DataTransfer"] = DataTransferHandler.HandleAsync,
        ["SendLocalList"] = SendLocalListHandler.HandleAsync,
        ["GetLocalListVersion"] = GetLocalListVersionHandler.HandleAsync,
        ["GetTransactionStatus"] = GetTransactionStatusHandler.HandleAsync,
        ["CostUpdated"] = CostUpdatedHandler.HandleAsync,
        ["GetVariables"] = GetVariablesHandler.HandleAsync,
        ["SetVariables"] = SetVariablesHandler.HandleAsync,
        ["GetBaseReport"] = GetBaseReportHandler.HandleAsync,
        ["GetReport"] = GetReportHandler.HandleAsync,
        ["SetNetworkProfile"] = SetNetworkProfileHandler.HandleAsync,
        ["SetVariableMonitoring"] = SetVariableMonitoringHandler.HandleAsync,
        ["ClearVariableMonitoring"] = ClearVariableMonitoringHandler.HandleAsync,
        ["SetMonitoringBase"] = SetMonitoringBaseHandler.HandleAsync,
        ["SetMonitoringLevel"] = SetMonitoringLevelHandler.HandleAsync,
        ["GetMonitoringReport"] = GetMonitoringReportHandler.HandleAsync,
        ["SetChargingProfile"] = SetChargingProfileHandler.HandleAsync,
        ["ClearChargingProfile"] = ClearChargingProfileHandler.HandleAsync,
        ["GetCompositeSchedule"] = GetCompositeScheduleHandler.HandleAsync,
        ["GetChargingProfiles"] = GetChargingProfilesHandler.HandleAsync,
        ["ReserveNow"] = ReserveNowHandler.HandleAsync,
        ["CancelReservation"] = CancelReservationHandler.HandleAsync,
        ["UpdateFirmware"] = UpdateFirmwareHandler.HandleAsync,
        ["GetLog"] = GetLogHandler.HandleAsync,
        ["InstallCertificate"] = InstallCertificateHandler.HandleAsync,
        ["DeleteCertificate"] = DeleteCertificateHandler.HandleAsync,
        ["GetInstalledCertificateIds"] = GetInstalledCertificateIdsHandler.HandleAsync,
        ["CertificateSigned"] = CertificateSignedHandler.HandleAsync,
        ["SetDisplayMessage"] = SetDisplayMessageHandler.HandleAsync,
        ["GetDisplayMessages"] = GetDisplayMessagesHandler.HandleAsync,
        ["ClearDisplayMessage"] = ClearDisplayMessageHandler.HandleAsync,
        ["CustomerInformation"] = CustomerInformationHandler.HandleAsync,
        ["PublishFirmware"] = PublishFirmwareHandler.HandleAsync,
        ["UnpublishFirmware"] = UnpublishFirmwareHandler.HandleAsync,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
