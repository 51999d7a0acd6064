using System.Globalization;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// Names a configuration setting on a 2.0.1 station for get- and change-configuration: a well-known
/// OCPP 1.6 key (1.6 §9) becomes its 2.0.1 standardized component and variable (2.0.1 part 2,
/// appendix 3); any other key is read as <c>Component[:instance][@evse[/connector]].Variable[.instance]</c>,
/// e.g. <c>OCPPCommCtrlr.MessageAttempts.TransactionEvent</c> or <c>EVSE@1.Power</c>.
/// </summary>
public static class ConfigurationKeys
{
    private static readonly Dictionary<string, ComponentVariable> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AllowOfflineTxForUnknownId"] = new("AuthCtrlr", "OfflineTxForUnknownIdEnabled"),
        ["AuthorizationCacheEnabled"] = new("AuthCacheCtrlr", "Enabled"),
        ["AuthorizationKey"] = new("SecurityCtrlr", "BasicAuthPassword"), // write-only: the station's password (A01)
        ["AuthorizeRemoteTxRequests"] = new("AuthCtrlr", "AuthorizeRemoteStart"),
        ["ClockAlignedDataInterval"] = new("AlignedDataCtrlr", "Interval"),
        ["ConnectionTimeOut"] = new("TxCtrlr", "EVConnectionTimeOut"),
        ["GetConfigurationMaxKeys"] = new("DeviceDataCtrlr", "ItemsPerMessage", VariableInstance: "GetVariables"),
        ["HeartbeatInterval"] = new("OCPPCommCtrlr", "HeartbeatInterval"),
        ["LocalAuthorizeOffline"] = new("AuthCtrlr", "LocalAuthorizeOffline"),
        ["LocalPreAuthorize"] = new("AuthCtrlr", "LocalPreAuthorize"),
        ["MaxEnergyOnInvalidId"] = new("TxCtrlr", "MaxEnergyOnInvalidId"),
        ["MeterValuesAlignedData"] = new("AlignedDataCtrlr", "Measurands"),
        ["MeterValuesSampledData"] = new("SampledDataCtrlr", "TxUpdatedMeasurands"),
        ["MeterValueSampleInterval"] = new("SampledDataCtrlr", "TxUpdatedInterval"),
        ["MinimumStatusDuration"] = new("OCPPCommCtrlr", "MinimumStatusDuration"),
        ["ResetRetries"] = new("OCPPCommCtrlr", "ResetRetries"),
        ["StopTransactionOnEVSideDisconnect"] = new("TxCtrlr", "StopTxOnEVSideDisconnect"),
        ["StopTransactionOnInvalidId"] = new("TxCtrlr", "StopTxOnInvalidId"),
        ["StopTxnAlignedData"] = new("AlignedDataCtrlr", "TxEndedMeasurands"),
        ["StopTxnSampledData"] = new("SampledDataCtrlr", "TxEndedMeasurands"),
        ["TransactionMessageAttempts"] = new("OCPPCommCtrlr", "MessageAttempts", VariableInstance: "TransactionEvent"),
        ["TransactionMessageRetryInterval"] = new("OCPPCommCtrlr", "MessageAttemptInterval", VariableInstance: "TransactionEvent"),
        ["UnlockConnectorOnEVSideDisconnect"] = new("OCPPCommCtrlr", "UnlockOnEVSideDisconnect"),
        ["WebSocketPingInterval"] = new("OCPPCommCtrlr", "WebSocketPingInterval"),
        ["LocalAuthListEnabled"] = new("LocalAuthListCtrlr", "Enabled"),
        ["SendLocalListMaxLength"] = new("LocalAuthListCtrlr", "ItemsPerMessage"),
        ["ReserveConnectorZeroSupported"] = new("ReservationCtrlr", "NonEvseSpecific"),
        ["ChargeProfileMaxStackLevel"] = new("SmartChargingCtrlr", "ProfileStackLevel"),
        ["ChargingScheduleAllowedChargingRateUnit"] = new("SmartChargingCtrlr", "RateUnit"),
        ["ChargingScheduleMaxPeriods"] = new("SmartChargingCtrlr", "PeriodsPerSchedule"),
        ["ConnectorSwitch3to1PhaseSupported"] = new("SmartChargingCtrlr", "Phases3to1"),
    };

    /// <summary>The well-known 1.6 keys and their 2.0.1 variables (docs/commands.md shows the same table).</summary>
    public static IReadOnlyDictionary<string, ComponentVariable> WellKnown => Known;

    /// <summary>The 2.0.1 variable <paramref name="key"/> names, or null when it is neither a well-known key nor in the dotted form.</summary>
    public static ComponentVariable? Resolve(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Known.TryGetValue(key, out var known))
        {
            return known;
        }

        var parts = key.Split('.');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
        {
            return null;
        }

        var component = parts[0];
        int? evse = null, connector = null;
        var at = component.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var place = component[(at + 1)..].Split('/');
            component = component[..at];
            if (place.Length > 2 || !TryPositive(place[0], out var e) || (place.Length == 2 && !TryPositive(place[1], out _)))
            {
                return null;
            }

            evse = e;
            connector = place.Length == 2 ? int.Parse(place[1], CultureInfo.InvariantCulture) : null;
        }

        string? instance = null;
        var colon = component.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            instance = component[(colon + 1)..];
            component = component[..colon];
        }

        return component.Length == 0 || instance is { Length: 0 }
            ? null
            : new ComponentVariable(component, parts[1], instance, parts.Length == 3 ? parts[2] : null, evse, connector);
    }

    private static bool TryPositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0;
}
