namespace Iskra.OcppGen;

/// <summary>
/// OCPP 1.6 schemas declare their objects and enums inline; this table gives them the type names of
/// the OCPP 1.6 specification, section 7 (edition 2). Keys are <c>OwnerType.property</c>, where the
/// owner is the already-named enclosing type. An inline type missing here is named
/// <c>OwnerTypeProperty</c>, and the generator reports it.
/// </summary>
internal static class V16TypeNames
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AuthorizeResponse.idTagInfo"] = "IdTagInfo",
        ["StartTransactionResponse.idTagInfo"] = "IdTagInfo",
        ["StopTransactionResponse.idTagInfo"] = "IdTagInfo",
        ["AuthorizationData.idTagInfo"] = "IdTagInfo",
        ["IdTagInfo.status"] = "AuthorizationStatus",
        ["SendLocalListRequest.localAuthorizationList"] = "AuthorizationData",
        ["SendLocalListRequest.updateType"] = "UpdateType",
        ["SendLocalListResponse.status"] = "UpdateStatus",
        ["BootNotificationResponse.status"] = "RegistrationStatus",
        ["CancelReservationResponse.status"] = "CancelReservationStatus",
        ["ChangeAvailabilityRequest.type"] = "AvailabilityType",
        ["ChangeAvailabilityResponse.status"] = "AvailabilityStatus",
        ["ChangeConfigurationResponse.status"] = "ConfigurationStatus",
        ["ClearCacheResponse.status"] = "ClearCacheStatus",
        ["ClearChargingProfileRequest.chargingProfilePurpose"] = "ChargingProfilePurposeType",
        ["ClearChargingProfileResponse.status"] = "ClearChargingProfileStatus",
        ["DataTransferResponse.status"] = "DataTransferStatus",
        ["DiagnosticsStatusNotificationRequest.status"] = "DiagnosticsStatus",
        ["FirmwareStatusNotificationRequest.status"] = "FirmwareStatus",
        ["GetCompositeScheduleRequest.chargingRateUnit"] = "ChargingRateUnitType",
        ["GetCompositeScheduleResponse.status"] = "GetCompositeScheduleStatus",
        ["GetCompositeScheduleResponse.chargingSchedule"] = "ChargingSchedule",
        ["GetConfigurationResponse.configurationKey"] = "KeyValue",
        ["RemoteStartTransactionRequest.chargingProfile"] = "ChargingProfile",
        ["SetChargingProfileRequest.csChargingProfiles"] = "ChargingProfile",
        ["ChargingProfile.chargingProfilePurpose"] = "ChargingProfilePurposeType",
        ["ChargingProfile.chargingProfileKind"] = "ChargingProfileKindType",
        ["ChargingProfile.recurrencyKind"] = "RecurrencyKindType",
        ["ChargingProfile.chargingSchedule"] = "ChargingSchedule",
        ["ChargingSchedule.chargingRateUnit"] = "ChargingRateUnitType",
        ["ChargingSchedule.chargingSchedulePeriod"] = "ChargingSchedulePeriod",
        ["MeterValuesRequest.meterValue"] = "MeterValue",
        ["StopTransactionRequest.transactionData"] = "MeterValue",
        ["MeterValue.sampledValue"] = "SampledValue",
        ["SampledValue.context"] = "ReadingContext",
        ["SampledValue.format"] = "ValueFormat",
        ["SampledValue.measurand"] = "Measurand",
        ["SampledValue.phase"] = "Phase",
        ["SampledValue.location"] = "Location",
        ["SampledValue.unit"] = "UnitOfMeasure",
        ["RemoteStartTransactionResponse.status"] = "RemoteStartStopStatus",
        ["RemoteStopTransactionResponse.status"] = "RemoteStartStopStatus",
        ["ReserveNowResponse.status"] = "ReservationStatus",
        ["ResetRequest.type"] = "ResetType",
        ["ResetResponse.status"] = "ResetStatus",
        ["SetChargingProfileResponse.status"] = "ChargingProfileStatus",
        ["StatusNotificationRequest.errorCode"] = "ChargePointErrorCode",
        ["StatusNotificationRequest.status"] = "ChargePointStatus",
        ["StopTransactionRequest.reason"] = "Reason",
        ["TriggerMessageRequest.requestedMessage"] = "MessageTrigger",
        ["TriggerMessageResponse.status"] = "TriggerMessageStatus",
        ["UnlockConnectorResponse.status"] = "UnlockStatus",
    };
}
