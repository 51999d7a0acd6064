using System.Globalization;

namespace Iskra.Simulator.Configuration;

/// <summary>
/// The station's settings, keyed by their OCPP 1.6 names (1.6 §9). A 2.0.1 station exposes the same
/// settings through its device model (<see cref="V201.DeviceModel"/>), so the behaviour reads one store.
/// </summary>
public sealed class ConfigurationStore
{
    private readonly Dictionary<string, ConfigurationKey> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public ConfigurationStore(int connectors)
    {
        // 1.6 §9.1 Core profile, with the values a typical AC station ships with.
        Add("AllowOfflineTxForUnknownId", "false", false, ConfigurationValueKind.Boolean);
        Add("AuthorizationCacheEnabled", "true", false, ConfigurationValueKind.Boolean);
        Add("AuthorizeRemoteTxRequests", "false", false, ConfigurationValueKind.Boolean);
        Add("ClockAlignedDataInterval", "0", false, ConfigurationValueKind.Number);
        Add("ConnectionTimeOut", "120", false, ConfigurationValueKind.Number);
        Add("ConnectorPhaseRotation", "Unknown", false, ConfigurationValueKind.List);
        Add("GetConfigurationMaxKeys", "100", true, ConfigurationValueKind.Number);
        Add("HeartbeatInterval", "300", false, ConfigurationValueKind.Number);
        Add("LocalAuthorizeOffline", "true", false, ConfigurationValueKind.Boolean);
        Add("LocalPreAuthorize", "false", false, ConfigurationValueKind.Boolean);
        Add("MeterValuesAlignedData", "Energy.Active.Import.Register", false, ConfigurationValueKind.List);
        Add("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC", false, ConfigurationValueKind.List);
        Add("MeterValueSampleInterval", "60", false, ConfigurationValueKind.Number);
        Add("NumberOfConnectors", connectors.ToString(CultureInfo.InvariantCulture), true, ConfigurationValueKind.Number);
        Add("ResetRetries", "3", false, ConfigurationValueKind.Number);
        Add("StopTransactionOnEVSideDisconnect", "true", false, ConfigurationValueKind.Boolean);
        Add("StopTransactionOnInvalidId", "true", false, ConfigurationValueKind.Boolean);
        Add("StopTxnAlignedData", "Energy.Active.Import.Register", false, ConfigurationValueKind.List);
        Add("StopTxnSampledData", "Energy.Active.Import.Register", false, ConfigurationValueKind.List);
        Add("SupportedFeatureProfiles", "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger", true, ConfigurationValueKind.List);
        Add("TransactionMessageAttempts", "3", false, ConfigurationValueKind.Number);
        Add("TransactionMessageRetryInterval", "10", false, ConfigurationValueKind.Number);
        Add("UnlockConnectorOnEVSideDisconnect", "true", false, ConfigurationValueKind.Boolean);
        Add("WebSocketPingInterval", "0", false, ConfigurationValueKind.Number, rebootRequired: true);

        // 1.6 §9.3 Local Auth List Management, §9.4 Reservation, §9.5 Smart Charging.
        Add("LocalAuthListEnabled", "true", false, ConfigurationValueKind.Boolean);
        Add("LocalAuthListMaxLength", "1000", true, ConfigurationValueKind.Number);
        Add("SendLocalListMaxLength", "100", true, ConfigurationValueKind.Number);
        Add("ReserveConnectorZeroSupported", "false", true, ConfigurationValueKind.Boolean);
        Add("ChargeProfileMaxStackLevel", "10", true, ConfigurationValueKind.Number);
        Add("ChargingScheduleAllowedChargingRateUnit", "Current,Power", true, ConfigurationValueKind.List);
        Add("ChargingScheduleMaxPeriods", "24", true, ConfigurationValueKind.Number);
        Add("MaxChargingProfilesInstalled", "10", true, ConfigurationValueKind.Number);
    }

    /// <summary>
    /// The keys of the 1.6 security whitepaper (edition 2, §5 "Configuration keys"): SecurityProfile as the station
    /// connects (<paramref name="securityProfile"/>), CpoName, the certificate store limits. AuthorizationKey is
    /// write-only and kept by the station, not here (<see cref="ConfigurationChanges"/>).
    /// </summary>
    public void AddSecurityKeys(int securityProfile)
    {
        Add("AdditionalRootCertificateCheck", "false", true, ConfigurationValueKind.Boolean);
        Add("CertificateSignedMaxChainSize", "10000", true, ConfigurationValueKind.Number);
        Add("CertificateStoreMaxLength", "20", true, ConfigurationValueKind.Number);
        Add("CpoName", "Iskra", false, ConfigurationValueKind.Text);
        Add("SecurityProfile", securityProfile.ToString(CultureInfo.InvariantCulture), false, ConfigurationValueKind.Number);
    }

    /// <summary>Every key, in name order.</summary>
    public IReadOnlyList<ConfigurationKey> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _keys.Values.OrderBy(k => k.Name, StringComparer.Ordinal)];
            }
        }
    }

    public ConfigurationKey? Find(string name)
    {
        lock (_lock)
        {
            return _keys.GetValueOrDefault(name);
        }
    }

    public string? Get(string name) => Find(name)?.Value;

    public int GetInt(string name, int fallback) =>
        int.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public bool GetBool(string name, bool fallback) =>
        bool.TryParse(Get(name), out var value) ? value : fallback;

    public IReadOnlyList<string> GetList(string name) =>
        (Get(name) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Sets a value as the station itself does (no read-only check); adds the key when new.</summary>
    public void SetInternal(string name, string value)
    {
        lock (_lock)
        {
            if (_keys.TryGetValue(name, out var key))
            {
                key.Value = value;
            }
            else
            {
                _keys[name] = new ConfigurationKey(name, value, false, ConfigurationValueKind.Text);
            }
        }
    }

    /// <summary>The measurands the station's meter can report (1.6 §9.1 *SampledData / *AlignedData values).</summary>
    public static IReadOnlyList<string> Measurands { get; } =
        ["Energy.Active.Import.Register", "Power.Active.Import", "Power.Offered", "Current.Import", "Voltage", "SoC"];

    /// <summary>
    /// Sets a value as the CSMS asks (1.6 §5.3 ChangeConfiguration): NotSupported for an unknown key,
    /// Rejected for a read-only key or a value not of the key's kind, RebootRequired for a key that
    /// takes effect after a reboot (stored all the same), otherwise Accepted.
    /// </summary>
    public ConfigurationChange TrySet(string name, string value)
    {
        lock (_lock)
        {
            if (!_keys.TryGetValue(name, out var key))
            {
                return ConfigurationChange.NotSupported;
            }

            if (key.ReadOnly || Normalize(key, value) is not { } normalized)
            {
                return ConfigurationChange.Rejected;
            }

            key.Value = normalized;
            return key.RebootRequired ? ConfigurationChange.RebootRequired : ConfigurationChange.Accepted;
        }
    }

    /// <summary>The value as the key stores it, or null when it is not of the key's kind.</summary>
    public static string? Normalize(ConfigurationKey key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        switch (key.Kind)
        {
            case ConfigurationValueKind.Number:
                // 1.6 §9: intervals, counts and lengths are non-negative integers.
                return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : null;
            case ConfigurationValueKind.Boolean:
                return bool.TryParse(trimmed, out var flag) ? (flag ? "true" : "false") : null;
            case ConfigurationValueKind.List:
                var items = trimmed.Split(',', StringSplitOptions.TrimEntries);
                if (items.Any(i => i.Length == 0) && trimmed.Length > 0)
                {
                    return null;
                }

                // 1.6 §9.1.15: a measurand list names only measurands the meter has.
                if (IsMeasurandList(key.Name) && items.Any(i => i.Length > 0 && !Measurands.Contains(i, StringComparer.Ordinal)))
                {
                    return null;
                }

                return string.Join(',', items.Where(i => i.Length > 0));
            default:
                return value;
        }
    }

    private static bool IsMeasurandList(string name) =>
        name.EndsWith("SampledData", StringComparison.OrdinalIgnoreCase) || name.EndsWith("AlignedData", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds a key (the simulator's own or a vendor key).</summary>
    public void Add(string name, string value, bool readOnly, ConfigurationValueKind kind, bool rebootRequired = false)
    {
        lock (_lock)
        {
            _keys[name] = new ConfigurationKey(name, value, readOnly, kind, rebootRequired);
        }
    }
}
